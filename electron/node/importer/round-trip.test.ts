/**
 * The DOCX round trip: a DOCX the app exported, imported back, gives the conference it was
 * made from (parts and their kinds, notes, lists, tables, element kinds with their people,
 * text, and the participants and programme where the export printed them as annexes); and a
 * Word user's edits (python-docx here) and LibreOffice's rewriting of the file come back too.
 */
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConferenceSource } from '../../../shared/compile/compile';
import type { Proceedings } from '../../../shared/compile/model';
import { docxBytes } from '../../../shared/export/docx/docx-export';
import { compileSource, readConferenceFile, templateFor } from '../export/load-proceedings';
import { libreOfficeConvert, tempDir, tool } from '../export/readers.testkit';
import { writeRichConference } from '../export/rich-conference.testkit';
import { sampleConferenceFiles } from '../export/seed-conferences.testkit';
import { parseReport } from './parse-report';
import { partsOfImport, partsOfSource, summary } from './round-trip.testkit';

let dir: string;
let samples: { name: string; source: ConferenceSource; proc: Proceedings; docx: string }[];

beforeAll(async () => {
  dir = tempDir('round-trip');
  samples = [];
  for (const file of sampleConferenceFiles(dir)) {
    const source = readConferenceFile(file);
    const proc = compileSource(source, { partIds: null, annexes: true, watermark: false });
    const docx = path.join(dir, `${path.basename(file, '.rapporteur')}.docx`);
    fs.writeFileSync(docx, await docxBytes(proc));
    samples.push({ name: path.basename(file, '.rapporteur'), source, proc, docx });
  }
}, 120_000);
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

const printed = (proc: Proceedings, role: 'participants' | 'programme' | 'recommendations') =>
  proc.sections.some((s) => s.blocks.some((b) => b.kind === 'table' && b.role === role));

/**
 * Read here on this thread, as the import worker reads it (parseReport): a worker started for each of a
 * dozen files cost more than reading them; the worker itself is tested in importer and robustness tests.
 */
async function importDocx(file: string) {
  return parseReport({ bytes: fs.readFileSync(file), fileName: path.basename(file) });
}

function expectSameConference(
  sample: Pick<(typeof samples)[number], 'source' | 'proc'>,
  r: Awaited<ReturnType<typeof importDocx>>,
): void {
  const { source, proc } = sample;
  const template = templateFor(source);
  expect(r.templateId).toBe(source.meta.templateId);
  expect(r.meta.language).toBe(source.meta.language);
  const cover = ['title', 'subtitle', 'series', 'seriesNumber', 'symbol', 'distribution', 'issuingBodies'] as const;
  const emptyMeta = { subtitle: '', series: '', seriesNumber: '', symbol: '', distribution: '', issuingBodies: [] };
  expect(
    Object.fromEntries(cover.map((k) => [k, ({ ...emptyMeta, ...r.meta } as Record<string, unknown>)[k]])),
  ).toEqual(Object.fromEntries(cover.map((k) => [k, source.meta[k]])));
  const before = summary(partsOfSource(source), source.participants, source.agenda, template);
  const after = summary(partsOfImport(r), r.participants, r.agenda, template);
  expect(after.parts).toEqual(before.parts);
  expect(after.notes).toEqual(before.notes);
  // A recommendation's addressee and own theme are printed only in a table of recommendations.
  const printedOnly = (lines: string[]) =>
    printed(proc, 'recommendations') ? lines : lines.filter((l) => !l.includes(' › item for '));
  expect(printedOnly(after.lists)).toEqual(printedOnly(before.lists));
  expect(after.tables).toEqual(before.tables);
  // An element of a kind the app does not know is exported as its text, and comes back as paragraphs.
  expect(after.elements).toEqual(before.elements.filter((e) => !e.includes(' › mystery-widget')));
  expect(after.text).toEqual(before.text);
  // The participants come back from the list the export printed; a template without one prints only
  // the names the text cites (person references), which come back as people of those names.
  expect(after.cited).toEqual(before.cited);
  if (printed(proc, 'participants')) expect(after.participants).toEqual(before.participants);
  else expect(after.participants.map((p) => p.split(' | ')[0]).sort()).toEqual([...new Set(before.cited)]);
  // A programme printed as the part's own table (seed 000's, as printed) gives back its items; the
  // generated programme also who they name and the parts they link to.
  if (printed(proc, 'programme') || source.agenda.length) expect(after.agenda).toEqual(before.agenda);
  if (printed(proc, 'programme')) {
    expect(after.agendaPeople).toEqual(before.agendaPeople);
    expect(after.agendaParts).toEqual(before.agendaParts);
  }
}

describe('a DOCX the app exported, imported back', () => {
  it('gives back every sample: parts, kinds, levels, notes, lists, tables, elements, text, participants, programme', async () => {
    expect(samples.map((s) => s.name).length).toBe(5);
    for (const sample of samples) {
      const r = await importDocx(sample.docx);
      expect(
        r.warnings.map((w) => w.code),
        sample.name,
      ).toEqual([]);
      expectSameConference(sample, r);
    }
    // The samples do exercise what is compared.
    const all = samples.map((s) =>
      summary(partsOfSource(s.source), s.source.participants, s.source.agenda, templateFor(s.source)),
    );
    expect(all.reduce((a, s) => a + s.notes.length, 0)).toBeGreaterThan(70);
    expect(all.reduce((a, s) => a + s.lists.length, 0)).toBeGreaterThan(100);
    expect(
      all
        .flatMap((s) => s.elements)
        .filter((e) => / (presentation|commentator|moderator|epigraph|delegation-statement|run-in|figure) /.test(e))
        .length,
    ).toBeGreaterThan(50);
    expect(samples.filter((s) => printed(s.proc, 'participants')).length).toBeGreaterThan(0);
    expect(all.filter((s) => s.cited.length > 5).length).toBeGreaterThan(0);
  }, 120_000);

  it('gives back the programme from the generated annex: times, titles, moderators, speakers, linked parts', async () => {
    const sample = samples.find((s) => s.source.agenda.length > 0)!;
    // Without the programme typed into its part, the export generates it from the agenda; each item is linked to a part.
    const parts = sample.source.parts.map((p) =>
      p.kind === 'programme' ? { ...p, doc: { root: { type: 'root' as const, children: [] } } } : p,
    );
    const units = parts.filter((p) => p.kind === 'unit');
    const agenda = sample.source.agenda.map((a, i) => ({ ...a, partId: units[i % units.length]!.id }));
    const source = { ...sample.source, parts, agenda };
    const proc = compileSource(source, { partIds: null, annexes: true, watermark: false });
    expect(printed(proc, 'programme')).toBe(true);
    const file = path.join(dir, 'generated-programme.docx');
    fs.writeFileSync(file, await docxBytes(proc));
    const r = await importDocx(file);
    const template = templateFor(source);
    const before = summary(partsOfSource(source), source.participants, source.agenda, template);
    const after = summary(partsOfImport(r), r.participants, r.agenda, template);
    expect(after.agenda).toEqual(before.agenda);
    expect(after.agendaPeople).toEqual(before.agendaPeople);
    expect(after.agendaParts).toEqual(before.agendaParts);
    expect(before.agendaPeople.filter((l) => !l.endsWith('speakers ')).length).toBeGreaterThan(5);
  }, 60_000);

  it('keeps what a Word user changed: an edited paragraph, a new section, an edited participant', async () => {
    const sample = samples.find((s) => printed(s.proc, 'participants'))!;
    const edited = path.join(dir, 'edited.docx');
    // python-docx edits the file as Word would save it: the runs of a paragraph, a new heading and
    // paragraph in Word's own styles (no mark of ours), a cell of the list of participants.
    const script = `
import sys, json, copy, docx
d = docx.Document(sys.argv[1])
p = next(p for p in d.paragraphs if p.style.name == 'Body Text' and len(p.text) > 40)
old = p.text
p.runs[0].text = 'Edited in Word: ' + old
for r in p.runs[1:]: r.text = ''
t = next(t for t in d.tables if t.style is not None and t.style.name == 'Participants Table')
row = next(r for r in t.rows[1:] if len(set(c._tc for c in r.cells)) == 3)
person = row.cells[0].text
row.cells[2].paragraphs[0].text = 'Organisation edited in Word'
# Word splits a speaker's name into two runs when it is edited in two goes.
pres = next(p for p in d.paragraphs if p.style.name == 'Presentation Heading' and any(r.style.name == 'Speaker Name' for r in p.runs))
name_run = next(r for r in pres.runs if r.style.name == 'Speaker Name')
speaker = name_run.text
half = copy.deepcopy(name_run._r)
name_run._r.addnext(half)
name_run.text = speaker[:3]
pres.runs[[r._r for r in pres.runs].index(half)].text = speaker[3:]
d.add_paragraph('Added in Word', style=next(s for s in d.styles if s.name.lower() == 'heading 1'))
d.add_paragraph('A section a Word user wrote.', style='Body Text')
d.save(sys.argv[2])
print(json.dumps({'old': old, 'person': person, 'speaker': speaker}))
`;
    const { old, person, speaker } = JSON.parse(tool('/usr/bin/python3', ['-c', script, sample.docx, edited])) as {
      old: string;
      person: string;
      speaker: string;
    };
    const r = await importDocx(edited);
    const parts = partsOfImport(r);
    const flat = (n: { type?: string; text?: string; children?: unknown[] }): string =>
      n.type === 'text' ? String(n.text) : (n.children ?? []).map((c) => flat(c as never)).join('');
    const holder = parts.findIndex((p) => flat(p.doc.root as never).includes(`Edited in Word: ${old.slice(0, 60)}`));
    const original = partsOfSource(sample.source).findIndex((p) =>
      flat(p.doc.root as never).includes(old.slice(0, 60)),
    );
    expect(holder).toBeGreaterThanOrEqual(0);
    expect(holder).toBe(original);
    const added = parts[parts.length - 1]!;
    expect([added.title, flat(added.doc.root as never)]).toEqual(['Added in Word', 'A section a Word user wrote.']);
    expect(parts.length).toBe(sample.source.parts.length + 1);
    expect(r.warnings.map((w) => w.code)).toEqual(['KIND_GUESSED']);
    // The guess concerns the added part's heading: the warnings panel opens its title.
    expect(r.warnings[0]).toMatchObject({ partId: added.id, place: 'title' });
    const firstPresentation = (ps: { doc: { root: unknown } }[]) => {
      const find = (n: { type?: string; names?: string[]; children?: unknown[] }): string[] | null =>
        n.type === 'presentation'
          ? (n.names ?? [])
          : (n.children ?? []).reduce<string[] | null>((f, c) => f ?? find(c as never), null);
      return ps.reduce<string[] | null>((f, p) => f ?? find(p.doc.root as never), null);
    };
    expect(firstPresentation(parts)).toEqual(firstPresentation(partsOfSource(sample.source)));
    expect(firstPresentation(parts)).toContain(speaker);
    const who = r.participants.find((p) => [p.honorific, p.name].filter(Boolean).join(' ') === person)!;
    expect(who.organisation).toBe('Organisation edited in Word');
  }, 60_000);
});

describe('the rich test conference (every element kind) as DOCX, imported back', () => {
  it('gives back its contents part, figures with their images, rich notes, tables and people', async () => {
    const file = path.join(dir, 'rich.rapporteur');
    writeRichConference(file);
    const source = readConferenceFile(file);
    const proc = compileSource(source, { partIds: null, annexes: true, watermark: false });
    const docx = path.join(dir, 'rich.docx');
    fs.writeFileSync(docx, await docxBytes(proc));
    const r = await importDocx(docx);
    expect(r.warnings).toEqual([]);
    expectSameConference({ source, proc }, r);
    const figures = (parts: { doc: { root: unknown } }[]) => {
      const out: unknown[] = [];
      const walk = (n: { type?: string; children?: unknown[] }) => {
        if (n.type === 'figure') out.push(n);
        (n.children ?? []).forEach((c) => walk(c as never));
      };
      parts.forEach((p) => walk(p.doc.root as never));
      return out.map((f) => {
        const { src = '', caption = '', source: from = '' } = f as Record<string, string | undefined>;
        return { src, caption, from };
      });
    };
    expect(figures(partsOfImport(r))).toEqual(figures(partsOfSource(source)));
    expect(figures(partsOfSource(source)).filter((f) => f.src.startsWith('data:image/png')).length).toBeGreaterThan(0);
    expect(partsOfImport(r)[0]!.kind).toBe('toc');
  }, 60_000);
});

describe('a DOCX of ours that lost or garbled what marks it', () => {
  it('without its custom properties (Word’s Document Inspector removes them), the part marks name the template', async () => {
    const sample = samples.find((s) => s.source.meta.templateId === 'summary-report')!;
    const stripped = path.join(dir, 'no-properties.docx');
    // The package without docProps/custom.xml, its relationship and its content type, as the Inspector leaves it.
    const script = `
import sys, zipfile, re
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for item in src.infolist():
    if item.filename == 'docProps/custom.xml': continue
    data = src.read(item.filename)
    if item.filename in ('[Content_Types].xml', '_rels/.rels'):
        data = re.sub(rb'<(Override|Relationship)[^>]*custom[.]xml"[^>]*/>', b'', data)
    out.writestr(item, data)
out.close()
`;
    tool('/usr/bin/python3', ['-c', script, sample.docx, stripped]);
    expect(tool('unzip', ['-l', stripped])).not.toMatch(/custom\.xml/);
    expectSameConference(sample, await importDocx(stripped));
  }, 60_000);

  it('a document part our reader refuses (nested deeper than any document) is read as any Word document, and says so', async () => {
    const sample = samples.find((s) => s.source.meta.templateId === 'summary-report')!;
    const deep = path.join(dir, 'deep.docx');
    const script = `
import sys, zipfile
src = zipfile.ZipFile(sys.argv[1])
out = zipfile.ZipFile(sys.argv[2], 'w', zipfile.ZIP_DEFLATED)
for item in src.infolist():
    data = src.read(item.filename)
    if item.filename == 'word/document.xml':
        nest = b'<w:customXml w:element="x">' * 500 + b'<w:p><w:r><w:t>Deep</w:t></w:r></w:p>' + b'</w:customXml>' * 500
        data = data.replace(b'<w:body>', b'<w:body>' + nest, 1)
    out.writestr(item, data)
out.close()
`;
    tool('/usr/bin/python3', ['-c', script, sample.docx, deep]);
    const r = await importDocx(deep);
    expect(r.warnings.find((w) => w.code === 'OWN_DOCX_UNREAD')?.message).toMatch(
      /nested more than 400 deep.*imported as any Word document/,
    );
    expect(r.parts.length).toBeGreaterThan(3);
  }, 60_000);
});

describe('after LibreOffice saved the DOCX again', () => {
  const RESAVED = ['Regional Conference on Refugee Protection', 'Inter-American Program for Migrants'];
  const outDir = () => path.join(dir, 'lo');
  // Both saved again by one run of LibreOffice: its start with a new profile costs more than a conversion.
  beforeAll(() => {
    libreOfficeConvert(
      RESAVED.map((prefix) => samples.find((s) => s.name.startsWith(prefix))!.docx),
      'docx:MS Word 2007 XML',
      outDir(),
    );
  }, 240_000);

  it.each(RESAVED)(
    '%s comes back the same',
    async (prefix) => {
      const sample = samples.find((s) => s.name.startsWith(prefix))!;
      const resaved = path.join(outDir(), path.basename(sample.docx));
      // LibreOffice renames our style ids (BodyText → TextBody) and rewrites the numbering: the names and marks are what is read.
      expect(fs.readFileSync(resaved).equals(fs.readFileSync(sample.docx))).toBe(false);
      expectSameConference(sample, await importDocx(resaved));
    },
    240_000,
  );
});
