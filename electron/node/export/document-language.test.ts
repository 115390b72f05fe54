/**
 * Issue 14.2: the conference language decides every generated word of both exports. The
 * seed 004 sample (a copy), given participants and an original language, exported in
 * Spanish and in French; the DOCX read back by pandoc, the PDF by pdftotext.
 */
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { samplePath, SAMPLES } from '../../../seeds/build-samples';
import type { ConferenceSource } from '../../../shared/compile/compile';
import { ConferenceStore } from '../store/conference-store';
import { exportBytes } from './export-service';
import { tempDir, tool } from './readers.testkit';

const SEED_004 = samplePath(SAMPLES.find((s) => s.seed === '004')!.name);

let base: ConferenceSource;
let dir: string;

beforeAll(() => {
  dir = tempDir('doc-language');
  const file = path.join(dir, 'seed-004.rapporteur');
  fs.copyFileSync(SEED_004, file);
  const store = ConferenceStore.open(file);
  try {
    base = store.readContent();
  } finally {
    store.close();
  }
  base.participants = [
    {
      id: 'p1',
      honorific: 'Sr.',
      name: 'Juan Pérez',
      title: 'Director',
      organisation: 'Ministerio del Interior',
      country: 'Costa Rica',
      group: '',
      role: '',
    },
    {
      id: 'p2',
      honorific: 'Ms.',
      name: 'Anne Martin',
      title: 'Officer',
      organisation: 'UNHCR',
      country: '',
      group: '',
      role: '',
    },
  ];
});

/** Exports the sample in `language`; the text of the DOCX (pandoc) and of the PDF (pdftotext). */
async function exportIn(language: string): Promise<{ docx: string; pdf: string }> {
  const source: ConferenceSource = { ...base, meta: { ...base.meta, language, originalLanguage: 'en' } };
  const options = { partIds: null, annexes: true, watermark: false };
  const docx = await exportBytes({ source, format: 'docx', options });
  const pdf = await exportBytes({ source, format: 'pdf', options });
  const docxFile = path.join(dir, `${language}.docx`);
  const pdfFile = path.join(dir, `${language}.pdf`);
  fs.writeFileSync(docxFile, docx.bytes);
  fs.writeFileSync(pdfFile, pdf.bytes);
  return {
    docx: tool('pandoc', ['-f', 'docx', '-t', 'plain', '--wrap=none', docxFile]),
    pdf: tool('pdftotext', ['-layout', pdfFile, '-']),
  };
}

/** Generated English words; none of them occurs in the sample's own (English) text in this form. */
const ENGLISH = [
  'Contents',
  'Annex I',
  'Table of Recommendations',
  'List of Participants',
  'Organized by',
  'Thematic area',
  'Addressee(s)',
  'Title / position',
  'Original: English',
  'Costa Rica, 19–20 November',
];

describe('the document speaks its own language', () => {
  it('in Spanish: no English generated word in the DOCX or the PDF, the Spanish ones and a Spanish date', async () => {
    const { docx, pdf } = await exportIn('es');
    for (const [name, text] of [
      ['docx', docx],
      ['pdf', pdf],
    ] as const) {
      for (const w of ENGLISH) expect(text.includes(w), `${name} still says “${w}”`).toBe(false);
      for (const w of [
        'Índice',
        'Anexo I: Cuadro de recomendaciones',
        'Anexo II: Lista de participantes',
        'Organizado por',
        'Área temática',
        'Destinatarios',
        'Nombre',
        'Organización',
        'Original: inglés',
        '20 de noviembre de 2009',
        '19–20 de noviembre de 2009',
      ]) {
        expect(text.includes(w), `${name} lacks “${w}”`).toBe(true);
      }
    }
    // Page N of M: a footer field in Word (its text is not in pandoc's output), laid out by Typst in the PDF.
    expect(pdf).toMatch(/Página 2 de \d+/);
    expect(pdf).not.toMatch(/Page \d+ of \d+/);
    const footer = tool('unzip', ['-p', path.join(dir, 'es.docx'), 'word/footer*.xml']);
    expect(footer).toContain('Página ');
    expect(footer).toContain(' de ');
    expect(footer).not.toContain('Page ');
  }, 240_000);

  it('in French: French words, date, quotation marks and spacing before the colon', async () => {
    const { docx, pdf } = await exportIn('fr-CA');
    for (const [name, text] of [
      ['docx', docx],
      ['pdf', pdf],
    ] as const) {
      for (const w of ENGLISH) expect(text.includes(w), `${name} still says “${w}”`).toBe(false);
      for (const w of [
        'Table des matières',
        'Annexe I',
        'Tableau des recommandations',
        'Liste des participants',
        'Organisé par',
        'Domaine thématique',
        '20 novembre 2009',
        'anglais',
      ]) {
        expect(text.includes(w), `${name} lacks “${w}”`).toBe(true);
      }
    }
    // A no-break space before the colon in Word; pdftotext writes Typst's as a plain space.
    expect(docx).toMatch(/Original\u00A0: anglais/);
    // Labels of the template's own words, spaced as French writes a colon (Word and Typst alike).
    expect(docx).toContain('Annexe I\u00A0: Tableau des recommandations');
    expect(pdf).toMatch(/Annexe I\s: Tableau des recommandations/);
    expect(pdf).toMatch(/Original\s: anglais/);
    expect(pdf).toMatch(/Page 2 sur \d+/);
    // The sample's English quotes “…” printed as French « … », spaced, in both; a no-break space before the colon of the text.
    expect(docx).toContain('«\u00A0the normalization of violence\u00A0»');
    expect(pdf).toMatch(/«\sthe normalization of violence\s»/);
    expect(docx).toMatch(/These include\u00A0:/);
    expect(docx).not.toContain('“');
  }, 240_000);
});
