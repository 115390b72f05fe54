/**
 * The services' errors reach the user in their language: each crosses the contract, a worker
 * thread or an export job with its catalogue key and values, and localizeError words it there.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { richConference, richTemplate } from '../../../shared/compile/fixtures';
import { ExportJobStatus } from '../../../shared/contract/api';
import { dispatch } from '../../../shared/contract/dispatch';
import { pathError, pathRefusalError } from '../../../shared/contract/file-policy';
import type { EventPayload } from '../../../shared/contract/events';
import { AppError, type SerializedError } from '../../../shared/errors';
import { typstInput } from '../../../shared/export/typst/typst-data';
import { localizeError } from '../../../shared/i18n/app-error';
import { isExportStageKey } from '../../../shared/i18n/export-stage';
import { translator } from '../../../shared/i18n/translate';
import { tempDir } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { parseOffThread } from '../importer/off-thread';
import { TypstWorker } from '../pdf/typst-off-thread';
import { AppServices } from './app-services';

let dir: string;
let services: AppServices;
let handle: string;

beforeAll(async () => {
  dir = tempDir('error-language');
  const file = path.join(dir, 'rich.rapporteur');
  writeRichConference(file);
  services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
  handle = (await services.api.openConference({ path: file })).handle;
});

afterAll(() => {
  services.closeAll();
  services.exports.dispose();
  fs.rmSync(dir, { recursive: true, force: true });
});

const refusal = async (method: string, payload: unknown): Promise<SerializedError> => {
  const r = await dispatch(services.api, method, payload);
  if (r.ok) throw new Error(`${method} was accepted`);
  return r.error;
};

async function rejection(p: Promise<unknown>): Promise<AppError> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  return err as AppError;
}

describe('service errors in the user’s language', () => {
  it('a part saved over a newer version: refused in English on the wire, shown in Spanish and French', async () => {
    const partId = (await services.api.getConference({ handle })).parts[0]!.id;
    const part = await services.api.getPart({ handle, partId });
    await services.api.savePart({ handle, partId, doc: part.doc, baseRevision: part.revision });
    // The same revision again: the part changed since (here, by the first save).
    const error = await refusal('savePart', { handle, partId, doc: part.doc, baseRevision: part.revision });
    expect(error).toMatchObject({ code: 'CONFLICT', key: 'conference.partChanged', values: { title: part.title } });
    expect(error.message).toBe(
      `“${part.title}” was changed elsewhere (another window or program) since you opened it. Your text was not saved over theirs; reopen the part to see both.`,
    );
    expect(localizeError(error, 'es')).toBe(
      `«${part.title}» se modificó en otro lugar (otra ventana u otro programa) después de que usted la abriera. Su texto no se guardó encima del otro; vuelva a abrir la parte para ver ambos.`,
    );
    expect(localizeError(error, 'fr')).toContain(`«\u00a0${part.title}\u00a0» a été modifiée ailleurs`);
  });

  it('a search that could run for minutes, and an unknown method: catalogued too', async () => {
    const find = { query: '(a+)+', matchCase: false, wholeWord: false, regex: true };
    const nested = await refusal('findInConference', { handle, find, replacement: '' });
    expect(nested).toMatchObject({ code: 'INVALID_INPUT', key: 'search.nestedQuantifier' });
    expect(localizeError(nested, 'es')).toBe(
      'Esa expresión regular repite un grupo que a su vez se repite (como «(a+)+»); su ejecución podría tardar minutos. Escríbala sin la repetición anidada.',
    );
    const unknown = await refusal('noSuchMethod', {});
    expect(unknown).toMatchObject({ code: 'UNKNOWN_METHOD', key: 'contract.unknownMethod' });
    expect(localizeError(unknown, 'es')).toBe('Método desconocido: noSuchMethod');
  });

  it('conference details refused by the contract: a language not offered, a date that is not one', async () => {
    const { metaRevision } = await services.api.getConference({ handle });
    const language = await refusal('updateMeta', {
      handle,
      patch: { language: 'quechua' },
      baseRevision: metaRevision,
    });
    expect(language).toMatchObject({ key: 'conference.meta.languageNotOffered', values: { tag: 'quechua' } });
    expect(localizeError(language, 'es')).toBe(
      '«quechua» no es un idioma de conferencia que ofrezca Rapporteur. Elija uno de la lista, como en (inglés), es (español), es-CL (español de Chile) o fr (francés).',
    );
    const date = await refusal('updateMeta', { handle, patch: { endDate: '2025-02-30' }, baseRevision: metaRevision });
    expect(date.message).toBe('The end date is not a date; write it as year-month-day, e.g. 2025-03-10.');
    expect(localizeError(date, 'fr')).toBe(
      'La date de fin n’est pas une date\u00a0; écrivez-la sous la forme année-mois-jour, par exemple 2025-03-10.',
    );
  });

  it('a file marked read-only: the view says why with a key, and a write is refused in Spanish', async () => {
    const file = path.join(dir, 'cerrado.rapporteur');
    fs.copyFileSync(path.join(dir, 'rich.rapporteur'), file);
    fs.chmodSync(file, 0o444);
    const view = await services.api.openConference({ path: file });
    expect(view).toMatchObject({
      readOnly: true,
      readOnlyReason: 'the file is marked read-only',
      readOnlyReasonKey: 'fileMode',
    });
    expect(translator('es')(`errors:store.readOnlyReason.${view.readOnlyReasonKey!}`)).toBe(
      'el archivo está marcado como de solo lectura',
    );
    const err = await refusal('updateMeta', {
      handle: view.handle,
      patch: { title: 'x' },
      baseRevision: view.metaRevision,
    });
    expect(err).toMatchObject({ code: 'READ_ONLY', key: 'store.readOnly', values: { reason: 'fileMode' } });
    expect(err.message).toBe(
      '“cerrado.rapporteur” is open read-only (the file is marked read-only): changes cannot be saved. Save a copy elsewhere to edit it.',
    );
    expect(localizeError(err, 'es')).toBe(
      '«cerrado.rapporteur» está abierto en modo de solo lectura (el archivo está marcado como de solo lectura): no se pueden guardar los cambios. Guarde una copia en otro lugar para editarlo.',
    );
    await services.api.closeConference({ handle: view.handle });
  });

  it('a path the user did not give: refused with its key, in Spanish, the extensions counted', async () => {
    const system = await pathRefusalError('openConference', { path: '/etc/x.rapporteur' }, () => true);
    expect(system).toMatchObject({ key: 'path.system', values: { path: '/etc/x.rapporteur' } });
    expect(localizeError(system!, 'es')).toBe(
      '«/etc/x.rapporteur» está en una carpeta del sistema operativo; Rapporteur no lee ni escribe archivos allí.',
    );
    const one = pathError('export-pdf', '/home/ana/informe.docx')!;
    expect(one.message).toBe('“informe.docx” is not a .pdf file.');
    expect(localizeError(one, 'es')).toBe('«informe.docx» no es un archivo .pdf.');
    const many = pathError('import', '/home/ana/informe.pdf')!;
    expect(many.message).toBe('“informe.pdf” is not one of .txt, .md, .markdown, .docx.');
    expect(localizeError(many, 'fr')).toBe(
      '«\u00a0informe.pdf\u00a0» n’est pas de l’un de ces types\u00a0: .txt, .md, .markdown, .docx.',
    );
  });

  it('the import worker’s error arrives with its key and values, and is localized', async () => {
    const err = await rejection(parseOffThread({ bytes: new Uint8Array(0), fileName: 'acta.md' }));
    expect(err.code).toBe('IMPORT_FAILED');
    // Thrown inside the worker thread (shared/import/source.ts), rebuilt on this side.
    expect(err.key).toBe('import.empty');
    expect(err.values).toEqual({ name: 'acta.md' });
    expect(err.message).toBe('“acta.md” cannot be imported: the file is empty.');
    expect(localizeError(err, 'es')).toBe('No se puede importar «acta.md»: el archivo está vacío.');
  });

  it('a damaged .docx is refused before any worker starts, with its key', async () => {
    const truncated = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5, 6]);
    const err = await rejection(parseOffThread({ bytes: truncated, fileName: 'informe.docx' }));
    expect(err).toMatchObject({
      code: 'IMPORT_FAILED',
      key: 'import.docxTocDamaged',
      values: { name: 'informe.docx' },
    });
    expect(err.message).toBe(
      '“informe.docx” cannot be imported: the .docx is damaged or truncated (its table of contents cannot be read).',
    );
    expect(localizeError(err, 'es')).toBe(
      'No se puede importar «informe.docx»: el .docx está dañado o truncado (no se puede leer su índice interno).',
    );
  });

  it('the import worker’s own limits are catalogued, with a plural', async () => {
    const slow = new Uint8Array(Buffer.from('# A\n\n'.repeat(200_000)));
    const err = await rejection(parseOffThread({ bytes: slow, fileName: 'lento.md' }, { limits: { timeMs: 1 } }));
    expect(err).toMatchObject({ key: 'import.tookTooLong', values: { name: 'lento.md', seconds: 0.001 } });
    expect(localizeError(err, 'es')).toBe(
      'No se puede importar «lento.md»: su lectura tardó más de 0,001 segundos, por lo que se detuvo. No se escribió nada.',
    );
  });

  it('the Typst worker’s error arrives with its key and values', async () => {
    const worker = new TypstWorker();
    try {
      const input = typstInput(
        compile(richConference(1), richTemplate(), {
          partIds: null,
          annexes: false,
          watermark: false,
          issueDate: '2026-11-30',
        }),
      );
      const bad = { ...input, files: { ...input.files, '../outside.png': new Uint8Array([1, 2, 3]) } };
      const err = await rejection(worker.render(bad));
      expect(err).toMatchObject({
        code: 'EXPORT_FAILED',
        key: 'export.badPictureName',
        values: { name: '../outside.png' },
      });
      expect(localizeError(err, 'fr')).toBe('Nom d’image inattendu\u00a0: ../outside.png.');
    } finally {
      await worker.close();
    }
  });

  it('export progress: each stage a catalogue key with its values, worded in Spanish by the interface', async () => {
    const seen: { key: string; values: Record<string, string | number>; message: string }[] = [];
    const before = services.exports.events;
    services.exports.events = {
      emit: (name, payload) => {
        const s = payload as EventPayload<'exportProgress'>;
        if (name === 'exportProgress' && s.stage) seen.push({ ...s.stage, message: s.message });
      },
    };
    const started = await services.api.previewPdf({
      handle,
      options: { partIds: null, annexes: false, watermark: false },
    });
    expect(started.stage?.key).toBe('queued');
    const done = await services.exports.wait(started.jobId);
    services.exports.events = before;
    expect(done.state).toBe('done');
    expect(done.stage).toEqual({ key: 'done', values: {} });
    expect(seen.map((s) => s.key)).toEqual(
      expect.arrayContaining(['compiling', 'preparingPages', 'layingOut', 'done']),
    );
    const pages = seen.find((s) => s.key === 'writingPdf');
    expect(pages?.values).toEqual({ pages: done.pages });
    for (const s of seen) {
      expect(isExportStageKey(s.key)).toBe(true);
      // The English message is the catalogue's (logs, the command line).
      expect(s.message).toBe(translator('en')(`export:stage.${s.key}` as never, s.values));
    }
    expect(translator('es')('export:stage.writingPdf', { pages: 1 })).toBe('Escribiendo el PDF (1 página)');
    expect(translator('fr')('export:stage.writingPdf', { pages: 12 })).toBe('Écriture du PDF (12 pages)');
  });

  it('a failed export’s status keeps the error’s key across the contract', () => {
    const status = ExportJobStatus.parse({
      jobId: 'j',
      format: 'pdf',
      state: 'failed',
      fraction: 0.2,
      message: 'x',
      error: { code: 'EXPORT_FAILED', message: 'x', key: 'export.houseStylesMissing', values: {} },
    });
    expect(status.error).toMatchObject({ key: 'export.houseStylesMissing', values: {} });
    expect(localizeError(status.error!, 'es')).toBe(
      'Faltan en esta instalación los estilos institucionales del PDF (house-styles/lib/rapporteur.typ). Vuelva a instalar la aplicación.',
    );
  });
});
