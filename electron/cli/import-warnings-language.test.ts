/**
 * Issue 14: `rapporteur import` lists the importer's warnings in the locale's language. The places
 * and messages of seed 001's warnings in English, Spanish and French are cli.test.ts's (which shares
 * its English import with the command's own output test); here, the wording of OCR suggestions.
 */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { runCli } from './cli.testkit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-warnings-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

const warningLines = (out: string) => out.split('\n').filter((l) => /^ {2}\S.*: \[[A-Z_]+\] /.test(l));

describe('import warnings on the command line', () => {
  it('word what they suggest in the locale too (the OCR damage of seed 000’s first page)', async () => {
    // The wording is the point, not the seed: its first 60 lines carry dropped letters and fused
    // words enough, read as proceedings (the whole seed cost twice the CPU per import).
    const seed000 = path.resolve(
      'seeds/source',
      fs.readdirSync(path.resolve('seeds/source')).find((f) => f.startsWith('000_'))!,
    );
    const ocr = path.join(dir, 'ocr-damaged.txt');
    fs.writeFileSync(ocr, fs.readFileSync(seed000, 'utf8').split('\n').slice(0, 60).join('\n'));
    const args = ['import', ocr, '--template', 'conference-proceedings', '-o'];
    const es = await runCli(dir, [...args, 'es0.rapporteur'], { LANG: 'es_ES.UTF-8' });
    const fr = await runCli(dir, [...args, 'fr0.rapporteur'], { LANG: 'fr_FR.UTF-8' });
    for (const r of [es, fr]) expect(r).toMatchObject({ code: 0, err: '' });
    const esSuggested = warningLines(es.out).filter((l) => l.includes('[OCR_REPAIR]'));
    const frSuggested = warningLines(fr.out).filter((l) => l.includes('[OCR_REPAIR]'));
    // internationa, organizationa, Thisis, sesson…
    expect(esSuggested.length).toBeGreaterThanOrEqual(3);
    expect(frSuggested).toHaveLength(esSuggested.length);
    for (const l of esSuggested) expect(l).toMatch(/ \(se sugiere: «[^»]+» → «[^»]*»\)$/);
    for (const l of frSuggested) expect(l).toMatch(/ \(suggestion\u00a0: «\u00a0[^»]+\u00a0» → «\u00a0[^»]*\u00a0»\)$/);
    expect(`${es.out}\n${fr.out}`).not.toMatch(/suggested/);
  });
});
