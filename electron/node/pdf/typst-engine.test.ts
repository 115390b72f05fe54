import fs from 'node:fs';
import { noteText } from '../../../shared/i18n/export-notes';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { compile } from '../../../shared/compile/compile';
import { doc, p, richConference, richTemplate } from '../../../shared/compile/fixtures';
import { typstInput } from '../../../shared/export/typst/typst-data';
import { pdfInfo, tool } from '../export/readers.testkit';
import { pdfStructure } from '../export/pdf-structure.testkit';
import { houseStylesDir } from './house-styles';
import { TypstEngine, typstEngine } from './typst-engine';

const options = { partIds: null, annexes: false, watermark: false, issueDate: '2026-11-24' };

function write(bytes: Uint8Array): string {
  const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-typst-')), 'out.pdf');
  fs.writeFileSync(file, bytes);
  return file;
}

describe('the Typst engine', () => {
  it('sets the language of a Spanish conference: /Lang, its quotation marks', () => {
    const source = richConference();
    source.meta.language = 'es';
    source.parts.find((x) => x.id === 'abstract')!.doc = doc(
      p('El informe dice "protección de los migrantes" en su resumen.'),
    );
    const pdf = write(typstEngine().pdf(typstInput(compile(source, richTemplate(), options))).bytes);
    expect(pdfStructure(pdf).lang).toBe('es');
    const text = tool('pdftotext', [pdf, '-']);
    expect(text).toContain('«protección de los migrantes»');
  });

  it('leaves out a damaged picture, keeping its caption and saying so, rather than failing the PDF', () => {
    const source = richConference();
    const unit = source.parts.find((x) => x.id === 'unit1')!;
    const figure = (unit.doc.root.children as { type?: string; src?: string }[]).find((n) => n.type === 'figure')!;
    // A PNG header that promises a picture, then garbage.
    const png = Buffer.from(figure.src!.split(',')[1]!, 'base64');
    figure.src = `data:image/png;base64,${Buffer.concat([png.subarray(0, 33), Buffer.from('not a picture')]).toString('base64')}`;
    const r = typstEngine().pdf(typstInput(compile(source, richTemplate(), options)));
    expect(r.notes.map((n) => noteText(n, 'en'))).toEqual([
      'The picture of figure 1 could not be read and was left out of the PDF; its caption is kept.',
    ]);
    expect(r.notes.map((n) => noteText(n, 'fr'))).toEqual([
      'L’image de la figure 1 n’a pas pu être lue et a été omise du PDF\u00A0; sa légende est conservée.',
    ]);
    const text = tool('pdftotext', [write(r.bytes), '-']);
    expect(text).toContain('LATIN AMERICA AND THE CARIBBEAN: IMMIGRANT POPULATION BY ORIGIN');
  });

  it('names the house style and the line when a template cannot be laid out', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-house-'));
    fs.cpSync(houseStylesDir(), root, { recursive: true });
    fs.writeFileSync(
      path.join(root, 'default.typ'),
      '#import "lib/rapporteur.typ": report\n#let data = json("/proceedings.json")\n#report(data, margin: oops)\n',
    );
    const engine = TypstEngine.create(root);
    const input = typstInput(compile(richConference(), richTemplate(), options));
    expect(() => engine.pdf(input)).toThrowError(
      /house style default\.typ could not lay out the report: unknown variable: oops \(default\.typ, line 3\)/,
    );
    // The engine is still usable once the house style is mended.
    fs.cpSync(path.join(houseStylesDir(), 'default.typ'), path.join(root, 'default.typ'));
    expect(Number(pdfInfo(write(engine.pdf(input).bytes)).Pages)).toBeGreaterThan(3);
  });

  it('reads nothing outside the house-styles folder, whatever a template asks', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-house-'));
    fs.cpSync(houseStylesDir(), root, { recursive: true });
    const input = typstInput(compile(richConference(), richTemplate(), options));
    for (const target of ['/etc/passwd', '../../../../etc/passwd']) {
      fs.writeFileSync(path.join(root, 'default.typ'), `#read(${JSON.stringify(target)})\n`);
      expect(() => TypstEngine.create(root).pdf(input), target).toThrowError(
        /file not found|outside of project root|access denied/,
      );
    }
  });
});
