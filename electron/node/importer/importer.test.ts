import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/errors';
import { type ImportedPart, type ImportResult, importTextIntoEach } from '../../../shared/import';
import { ConferenceStore } from '../store/conference-store';
import { AppServices, createConferenceFile } from '../services/app-services';
import { projectRoot } from '../paths';
import { importReportBytes, importReportFile, writeNewConference } from '.';
import { parseReport } from './parse-report';
import { readSource } from './read-source';
import { SEED_PREFIXES, seedImport } from '../../../seeds/testing/seed-imports';

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-import-'));
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

type N = { type: string; text?: string; children?: N[]; [k: string]: unknown };
const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);
const nodes = (parts: ImportedPart[], type: string): N[] => {
  const out: N[] = [];
  const walk = (n: N) => {
    if (n.type === type) out.push(n);
    (n.children ?? []).forEach(walk);
  };
  for (const p of all(parts)) walk(p.doc.root as unknown as N);
  return out;
};
const seed = (prefix: string) =>
  path.join(
    projectRoot,
    'seeds/source',
    fs.readdirSync(path.join(projectRoot, 'seeds/source')).find((f) => f.startsWith(prefix))!,
  );

const FIXTURE = `# Regional Workshop on Data

## Introduction

The workshop was held in Geneva.[^1] It gathered **experts** and *officials*.

- first point
- second point
  - nested point
- third point

## 1. Findings

Participants noted progress.[^2]

### a. Statistics

1. One
2. Two

| Country | Delegates |
|---------|-----------|
| Chile   | 3         |
| Peru    | 2         |

See [the site](http://example.org).

## 2. Next steps

Nothing more.

[^1]: Palais des Nations.
[^2]: Accessed in 2024.
`;

async function expectImportFailure(p: Promise<unknown>, pattern: RegExp): Promise<void> {
  const err = await p.then(
    () => null,
    (e: unknown) => e,
  );
  expect(err).toBeInstanceOf(AppError);
  expect((err as AppError).code).toBe('IMPORT_FAILED');
  expect((err as AppError).message).toMatch(pattern);
}

describe('a .docx written by another program (pandoc)', () => {
  it('imports with headings, nested lists, a table with its header and footnotes', async () => {
    const md = path.join(dir, 'fixture.md');
    fs.writeFileSync(md, FIXTURE);
    const docx = path.join(dir, 'fixture.docx');
    execFileSync('pandoc', [md, '-o', docx]);
    const r = await importReportFile(docx);
    expect(r.meta.title).toBe('Regional Workshop on Data');
    expect(r.parts.map((p) => [p.kind, p.title])).toEqual([
      ['introduction', 'Introduction'],
      ['chapter', 'Findings'],
      ['chapter', 'Next steps'],
    ]);
    // "a. Statistics" is a sub-section because of its label, whatever its heading level.
    expect(r.parts[1]!.children.map((p) => [p.kind, p.title])).toEqual([['subsection', 'Statistics']]);
    expect(nodes(r.parts, 'footnote').map((n) => n.text)).toEqual(['Palais des Nations.', 'Accessed in 2024.']);
    const lists = nodes(r.parts, 'list');
    const own = (l: N) =>
      l.children!.filter((li) => !(li.children?.length === 1 && li.children[0]!.type === 'list')).length;
    expect(lists.map((l) => [l.listType, own(l)])).toEqual([
      ['bullet', 3],
      ['bullet', 1],
      ['number', 2],
    ]);
    expect(lists[0]!.children![2]!.children![0]).toBe(lists[1]);
    const table = nodes(r.parts, 'table')[0]!;
    expect(table.children!.length).toBe(3);
    expect((table.children![0]!.children![0] as N).headerState).toBe(1);
    expect(nodes(r.parts, 'link').map((l) => l.url)).toEqual(['http://example.org']);
    expect(nodes(r.parts, 'text').some((t) => t.text === 'experts' && t.format === 1)).toBe(true);
  });

  it('a seed converted to .docx is recognised as its genre and keeps its structure', async () => {
    const docx = path.join(dir, 'seed003.docx');
    execFileSync('pandoc', ['-f', 'markdown', seed('003'), '-o', docx]);
    const r = await importReportFile(docx);
    expect(r.templateId).toBe('workshop-report');
    expect(r.warnings.every((w) => w.line === null)).toBe(true);
    const sessions = r.parts.find((p) => p.kind === 'interventions')!.children;
    expect(sessions.length).toBe(3);
    expect(r.participants.length).toBe(12);
  });
});

describe('inputs that are not reports', () => {
  it('empty, whitespace-only, binary, PDF, old .doc and truncated .docx: IMPORT_FAILED naming the problem, nothing written', async () => {
    const out = path.join(dir, 'never.rapporteur');
    await expectImportFailure(
      importReportBytes({ bytes: new Uint8Array(), fileName: 'empty.txt' }),
      /empty\.txt.*empty/,
    );
    // The rest are refused by the reading (parseReport), here on this thread: a worker for each
    // would test the worker again (the empty file above and robustness.test.ts do), not the reading.
    await expectImportFailure(parseReport({ bytes: Buffer.from('\n\n   \n'), fileName: 'blank.md' }), /no text/);
    const binary = Buffer.alloc(4096);
    for (let i = 0; i < binary.length; i++) binary[i] = (i * 7919) % 256;
    await expectImportFailure(parseReport({ bytes: binary, fileName: 'image.png' }), /binary/);
    await expectImportFailure(parseReport({ bytes: Buffer.from('%PDF-1.7\n...'), fileName: 'report.pdf' }), /PDF/);
    await expectImportFailure(
      parseReport({ bytes: Buffer.from([0xd0, 0xcf, 0x11, 0xe0, 0, 0]), fileName: 'old.doc' }),
      /\.docx/,
    );
    const md = path.join(dir, 'cut.md');
    fs.writeFileSync(md, FIXTURE);
    const docx = path.join(dir, 'cut.docx');
    execFileSync('pandoc', [md, '-o', docx]);
    const whole = fs.readFileSync(docx);
    await expectImportFailure(
      importReportBytes({ bytes: whole.subarray(0, Math.floor(whole.length / 2)), fileName: 'cut.docx' }),
      /damaged or truncated/,
    );
    await expectImportFailure(
      parseReport({ bytes: Buffer.from('just text'), fileName: 'fake.docx' }),
      /not a Word \.docx/,
    );
    await expectImportFailure(parseReport({ bytes: whole, fileName: 'report.odt' }), /\.odt files cannot be imported/);
    expect(fs.existsSync(out)).toBe(false);
  });

  it('an enormous file is refused before parsing, before a worker is started for it', async () => {
    const big = Buffer.alloc(21 * 1024 * 1024, 0x61);
    // A worker takes far longer than 1 ms to start: a refusal made in it would lose to the time limit.
    await expectImportFailure(
      importReportBytes({ bytes: big, fileName: 'huge.txt' }, { limits: { timeMs: 1 } }),
      /21 MB/,
    );
  });

  it('a file in Windows-1252 imports with an encoding warning and its accents intact', async () => {
    const text =
      'BACKGROUND\n\nThe meeting was held in San José.\n\nSession I: Opening\n\nMs. Ana Núñez, Director at the Ministry, opened the session.\n';
    const latin1 = Buffer.from(text, 'latin1');
    const r = await parseReport({ bytes: latin1, fileName: 'latin1.txt' });
    expect(r.warnings.map((w) => w.code)).toContain('ENCODING');
    expect(JSON.stringify(r.parts)).toContain('San José');
    expect(r.participants.map((p) => p.name)).toEqual(['Ana Núñez']);
  });

  it('an unknown template is refused; a text of no known genre falls back, and says so', async () => {
    // Through the worker: the template asked for reaches it.
    await expectImportFailure(
      importReportBytes({ bytes: Buffer.from('Hello'), fileName: 'x.txt', templateId: 'nope' }),
      /no template “nope”/,
    );
    const r = await parseReport({
      bytes: Buffer.from('Some notes\n\nA paragraph of text.\n'),
      fileName: 'notes.txt',
    });
    expect(r.templateSource).toBe('fallback');
    expect(r.warnings.find((w) => w.code === 'TEMPLATE_GUESSED')).toBeTruthy();
  });
});

describe('the seeds through the Node side (templates loaded)', () => {
  it('keep the kinds their genre reader gave them, generated annexes included', async () => {
    let r000: ImportResult | undefined;
    for (const prefix of SEED_PREFIXES) {
      // Imported once per run, in a worker as the app does (seeds/testing/seed-imports.ts).
      const r = await seedImport(prefix);
      expect(r.templateSource).toBe('detected');
      expect(r.warnings.filter((w) => w.code === 'KIND_MAPPED')).toEqual([]);
      if (prefix === '000') r000 = r;
    }
    expect(r000!.parts.map((p) => p.kind).slice(-4)).toEqual([
      'annex-final-report',
      'programme',
      'participants',
      'annex-statement',
    ]);
  });
});

describe('a template forced with --template', () => {
  // One test per seed: seed 000 alone takes seconds, and the six must not share one time-out.
  it.each(SEED_PREFIXES)('fits every part of seed %s to a section of each template, and says so', async (prefix) => {
    const { loadTemplates } = await import('../templates');
    const ids = (list: { id: string; children: unknown[] }[]): string[] =>
      list.flatMap((s) => [s.id, ...ids(s.children as never)]);
    // As parseReport reads a text file, in process (the worker is tested elsewhere), the seed read once
    // and fitted to each template (import-into-each.test.ts: the same results as one by one).
    const source = await readSource(fs.readFileSync(seed(prefix)), path.basename(seed(prefix)));
    const templates = loadTemplates();
    const results = importTextIntoEach(
      source.text,
      { fileName: path.basename(seed(prefix)), warnings: source.warnings, templates, format: source.format },
      templates.map((t) => t.id),
    );
    let mapped = 0;
    templates.forEach((t, i) => {
      const r = results[i]!;
      expect(r.templateId).toBe(t.id);
      const allowed = new Set(ids(t.sections));
      for (const p of all(r.parts)) expect(allowed.has(p.kind), `${prefix} → ${t.id}: ${p.kind}`).toBe(true);
      if (r.warnings.some((w) => w.code === 'KIND_MAPPED')) mapped++;
    });
    // Forced into the other genres' templates, the seed's kinds were mapped, and the import says so.
    expect(mapped).toBeGreaterThan(0);
  });
});

describe('writing an import', () => {
  it('writes a new conference with its warnings, and refuses to overwrite an existing file', async () => {
    const r = await seedImport('004');
    const out = path.join(dir, 'sj.rapporteur');
    writeNewConference(r, out);
    const store = ConferenceStore.open(out);
    expect(store.getMeta().meta.templateId).toBe('summary-report');
    expect(store.listParts().length).toBe(14);
    const w = store.listWarnings();
    expect(w.length).toBe(r.warnings.length);
    expect(w.find((x) => x.code === 'DUPLICATE_LABEL')).toMatchObject({ line: 246, status: 'open' });
    const sub = store.listParts().find((p) => p.title === 'Refugees')!;
    expect(store.getPart(sub.id).parentId).toBe(
      store.listParts().find((p) => p.title.startsWith('Differentiated'))!.id,
    );
    store.close();
    expect(() => writeNewConference(r, out)).toThrow(/already exists/);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.importing-'))).toEqual([]);
  });
});

describe('importReport (contract)', () => {
  it('imports into a new conference, and into an open one after a snapshot', async () => {
    const services = new AppServices({ dataDir: path.join(dir, 'data'), workspaceDir: path.join(dir, 'ws') });
    const content = fs.readFileSync(seed('003')).toString('base64');
    const created = await services.api.importReport({ content, fileName: '003.txt' });
    expect(created.templateId).toBe('workshop-report');
    expect(created.conference.parts.length).toBe(8);
    expect(created.conference.participants.length).toBe(12);
    expect(path.dirname(created.conference.path)).toBe(path.join(dir, 'ws'));
    // A new file had nothing to keep: no snapshot of an empty conference.
    expect(await services.api.listSnapshots({ handle: created.conference.handle })).toEqual([]);

    const existing = createConferenceFile(path.join(dir, 'existing.rapporteur'), 'summary-report', 'My conference');
    existing.close();
    const handle = services.openFile(path.join(dir, 'existing.rapporteur'));
    const into = await services.api.importReport({ path: seed('004'), fileName: '004.txt', handle });
    expect(into.conference.meta.title).toBe('My conference');
    expect(into.conference.parts.length).toBe(14);
    expect(into.warnings.some((w) => w.code === 'DUPLICATE_LABEL')).toBe(true);
    const snaps = await services.api.listSnapshots({ handle });
    expect(snaps[0]).toMatchObject({ reason: 'before-import', name: 'Before importing “004.txt”' });
    // The snapshot holds the skeleton that was there before.
    await services.api.restoreSnapshot({ handle, snapshotId: snaps[0]!.id });
    expect((await services.api.getConference({ handle })).parts.some((p) => p.kind === 'recommendations-table')).toBe(
      true,
    );

    // Importing again: the warnings of the first import are closed, the new ones are open.
    const again = await services.api.importReport({ path: seed('003'), fileName: '003.txt', handle });
    expect(
      again.warnings
        .filter((w) => w.status === 'open')
        .every((w) => w.id > Math.max(...into.warnings.map((x) => x.id))),
    ).toBe(true);
    expect(again.warnings.filter((w) => w.code === 'DUPLICATE_LABEL').map((w) => w.status)).toEqual(['dismissed']);

    // A failed import leaves the open conference as it was.
    const before = (await services.api.getConference({ handle })).parts.length;
    const err = await Promise.resolve(services.api.importReport({ content: '', fileName: 'empty.txt', handle })).catch(
      (e: unknown) => e,
    );
    expect((err as AppError).code).toBe('IMPORT_FAILED');
    expect((await services.api.getConference({ handle })).parts.length).toBe(before);
    services.closeAll();
  });
});
