import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { getTemplate, skeletonOf, type SkeletonPart } from '../node/templates';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const cli = (...args: string[]) => {
  const r = spawnSync(path.resolve('node_modules/.bin/tsx'), [path.resolve('electron/cli/main.ts'), ...args], { encoding: 'utf8', cwd: dir });
  return { code: r.status, out: r.stdout, err: r.stderr };
};

describe('the command line', () => {
  test('templates --json lists valid templates', () => {
    const r = cli('templates', '--json');
    expect(r.code).toBe(0);
    const list = JSON.parse(r.out) as { id: string; name: string }[];
    expect(list.map((t) => t.id)).toContain('workshop-report');
    for (const t of list) expect(t.name.length).toBeGreaterThan(3);
  });

  test('new then info --json shows the template’s parts', () => {
    const file = path.join(dir, 'x.rapporteur');
    const made = cli('new', '--template', 'workshop-report', '-o', file, '--title', 'Migration and Human Rights');
    expect(made.code).toBe(0);
    expect(made.out).toMatch(/Created .*x\.rapporteur/);
    const info = cli('info', file, '--json');
    expect(info.code).toBe(0);
    type InfoPart = { kind: string; title: string; status: string; words: number; children: InfoPart[] };
    const data = JSON.parse(info.out) as { meta: { title: string; templateId: string }; parts: InfoPart[] };
    expect(data.meta).toMatchObject({ title: 'Migration and Human Rights', templateId: 'workshop-report' });
    // The outline is the template's skeleton: every section, each repeatable group once.
    const shape = (list: (InfoPart | SkeletonPart)[]): unknown => list.map((p) => ({ kind: p.kind, title: p.title, children: shape(p.children) }));
    const expected = skeletonOf(getTemplate('workshop-report').sections);
    expect(shape(data.parts)).toEqual(shape(expected));
    expect(expected.length).toBeGreaterThan(2);
    expect(data.parts[0]).toMatchObject({ status: 'not-started', words: 0 });

    const text = cli('info', file);
    expect(text.out).toContain('Migration and Human Rights');
    expect(text.out).toContain(`${expected[0]!.title}  [${expected[0]!.kind}, not-started, 0 words]`);
  });

  test.each([
    [['frob'], 2, /unknown command “frob”/],
    [[], 2, /Usage/],
    [['new', '-o', 'y.rapporteur'], 1, /missing --template/],
    [['new', '--template', 'nope', '-o', 'y.rapporteur'], 1, /no template “nope”/],
    [['new', '--template', 'workshop-report', '-o', 'y.docx'], 1, /must end in \.rapporteur/],
    [['new', '--bogus'], 2, /Unknown option '--bogus'/],
    [['info'], 1, /expected exactly one conference file/],
    [['info', 'missing.rapporteur'], 1, /was not found/],
    [['serve', '--port', 'abc'], 1, /--port must be a number/],
  ])('rapporteur %j exits %i with a clear message', (args, code, message) => {
    const r = cli(...args);
    expect(r.code).toBe(code);
    expect(r.err + r.out).toMatch(message);
    expect(r.err).not.toMatch(/at .*\.ts:\d+/); // no stack traces for user errors
  });

  test('info on a file that is not a conference names the problem and leaves it alone', () => {
    const f = path.join(dir, 'notes.rapporteur');
    fs.writeFileSync(f, 'meeting notes');
    const r = cli('info', f);
    expect(r.code).toBe(1);
    expect(r.err).toMatch(/“notes\.rapporteur” is not a Rapporteur conference file/);
    expect(fs.readFileSync(f, 'utf8')).toBe('meeting notes');
  });
});
