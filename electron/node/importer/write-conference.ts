/**
 * Writing an import: to a new conference file (built under a temporary name and renamed,
 * so a failed import leaves nothing behind), or into an open conference (after a
 * snapshot, in one transaction).
 */
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../../../shared/errors';
import { docProblem } from '../../../shared/elements/doc-schema';
import { type ConferenceMeta, emptyMeta } from '../../../shared/model/conference';
import { countWords, docToPlainText } from '../../../shared/model/doc-text';
import type { ImportResult, ImportedPart } from '../../../shared/import';
import { type ConferenceContent, ConferenceStore, type FullPart } from '../store/conference-store';
import { type WriteOptions, writeAtomically } from '../files/safe-write';
import { appError } from '../../../shared/i18n/app-error';

const flatten = (parts: ImportedPart[], parentId: string | null): FullPart[] =>
  parts.flatMap((p, position) => [
    {
      id: p.id,
      parentId,
      position,
      kind: p.kind,
      title: p.title.slice(0, 1000),
      status: 'drafting' as const,
      rapporteur: '',
      wordCount: countWords(docToPlainText(p.doc)),
      revision: 1,
      updatedAt: new Date().toISOString(),
      doc: p.doc,
    },
    ...flatten(p.children, p.id),
  ]);

/** Metadata as the store validates it: fields cut to their limits. */
export function metaOf(result: ImportResult, base: Partial<ConferenceMeta> = {}): ConferenceMeta {
  const m = { ...emptyMeta(), ...base, ...result.meta, templateId: result.templateId };
  const cut = (s: string, n: number) => s.slice(0, n);
  return {
    ...m,
    title: cut(m.title, 500),
    subtitle: cut(m.subtitle, 500),
    series: cut(m.series, 300),
    seriesNumber: cut(m.seriesNumber, 50),
    symbol: cut(m.symbol, 100),
    venue: cut(m.venue, 300),
    city: cut(m.city, 100),
    country: cut(m.country, 100),
    organisers: m.organisers.slice(0, 30).map((o) => cut(o, 300)),
    issuingBodies: m.issuingBodies.slice(0, 20).map((o) => cut(o, 300)),
  };
}

export function contentOf(result: ImportResult, base?: Partial<ConferenceMeta>): ConferenceContent {
  const parts = flatten(result.parts, null);
  // Every part within the document schema's bounds (shared/elements/doc-schema), or the import is refused, naming it.
  for (const p of parts) {
    const problem = docProblem(p.doc);
    if (problem) throw appError('IMPORT_FAILED', 'import.partRefused', { title: p.title.slice(0, 200), problem });
  }
  return { meta: metaOf(result, base), parts, participants: result.participants, agenda: result.agenda };
}

const warningsOf = (result: ImportResult) => result.warnings.map((w) => ({ ...w, message: w.message.slice(0, 2000) }));

/**
 * Writes a new conference file, built under a temporary name beside the target and
 * renamed into place; refuses an existing file unless the user confirmed replacing it.
 */
export function writeNewConference(result: ImportResult, target: string, options: WriteOptions = {}): void {
  const file = path.resolve(target);
  writeAtomically(
    file,
    (temp) => {
      let store: ConferenceStore | null = null;
      try {
        store = ConferenceStore.create(temp, metaOf(result));
        const content = contentOf(result);
        // One transaction for everything; a new file has nothing to keep in a snapshot.
        store.replaceContent(content, null);
        store.addWarnings(warningsOf(result));
      } catch (err) {
        if (err instanceof AppError) throw err;
        throw appError('IMPORT_FAILED', 'import.notWritten', { detail: (err as Error).message });
      } finally {
        store?.close();
        fs.rmSync(`${temp}-journal`, { force: true });
      }
    },
    options,
  );
}

/** Replaces the content of an open conference with an import; a snapshot is taken first. */
export function importIntoStore(store: ConferenceStore, result: ImportResult, sourceName: string): void {
  const { meta } = store.getMeta();
  // The conference keeps the details it has; the import fills the empty ones.
  const filled = Object.fromEntries(
    Object.entries(meta).filter(([, v]) => (Array.isArray(v) ? v.length : v !== '')),
  ) as Partial<ConferenceMeta>;
  const content = contentOf(result);
  content.meta = { ...content.meta, ...filled, templateId: result.templateId };
  store.replaceContent(content, {
    reason: 'before-import',
    name: store.autoSnapshotName('beforeImport', { source: sourceName }),
  });
  // Warnings of an earlier import concern content that is now only in the snapshot.
  for (const w of store.listWarnings()) if (w.status === 'open') store.setWarningStatus(w.id, 'dismissed');
  store.addWarnings(warningsOf(result));
}
