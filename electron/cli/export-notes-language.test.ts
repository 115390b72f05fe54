/** Issue 14: what the compile step says about an export (its notes) is worded in the locale's language on the command line. */
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeRichConference } from '../node/export/rich-conference.testkit';
import { runCli } from './cli.testkit';

const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-cli-notes-'));
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));
// The rich conference holds one element no exporter knows ("mystery-widget"): the compile step notes it.
writeRichConference(path.join(dir, 'rich.rapporteur'));

describe('export notes on the command line', () => {
  it('follow LANG: Spanish, French, and English by default', async () => {
    const run = (out: string, env: Record<string, string>) =>
      runCli(dir, ['export', 'rich.rapporteur', '--docx', out], env);
    const es = await run('es.docx', { LANG: 'es_CL.UTF-8' });
    const fr = await run('fr.docx', { LC_ALL: 'fr_FR.UTF-8' });
    const en = await run('en.docx', { LANG: 'C.UTF-8' });
    for (const r of [es, fr, en]) expect(r.code).toBe(0);
    expect(es.err).toContain('El elemento desconocido «mystery-widget» se exportó como párrafos sin formato.\n');
    expect(fr.err).toContain('L’élément inconnu «\u00a0mystery-widget\u00a0» a été exporté en paragraphes simples.\n');
    expect(en.err).toContain('Unknown element “mystery-widget” was exported as plain paragraphs.\n');
    expect(es.err + fr.err).not.toMatch(/Unknown element|was exported/);
  }, 120_000);
});
