/** `rapporteur import <file> -o <conference.rapporteur> [--template <id>]` */
import path from 'node:path';
import { AppError } from '../../shared/errors';
import type { ImportResult } from '../../shared/import';
import { importReportFile, writeNewConference } from '../node/importer';
import type { Command } from './commands';

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

export function summarise(r: ImportResult): string[] {
  let parts = 0;
  const count = (ps: ImportResult['parts']) => { for (const p of ps) { parts++; count(p.children); } };
  count(r.parts);
  const how = r.templateSource === 'given' ? 'given' : r.templateSource === 'detected' ? 'detected' : 'fallback';
  return [
    `Template: ${r.templateId} (${how})`,
    `${parts} parts, ${r.participants.length} participants, ${r.agenda.length} agenda items, ${r.warnings.length} warnings.`,
  ];
}

export const importCommand: Command = {
  options: { output: { type: 'string', short: 'o' }, template: { type: 'string' }, json: { type: 'boolean' } },
  async run(v, pos) {
    if (pos.length !== 1) throw new AppError('INVALID_INPUT', `expected exactly one file to import, got ${pos.length}.`);
    if (typeof v.output !== 'string') throw new AppError('INVALID_INPUT', 'missing -o <file.rapporteur>.');
    if (!v.output.endsWith('.rapporteur')) throw new AppError('INVALID_INPUT', 'the output file name must end in .rapporteur.');
    const result = await importReportFile(path.resolve(pos[0]!), typeof v.template === 'string' ? v.template : undefined);
    writeNewConference(result, path.resolve(v.output));
    if (v.json) {
      out(JSON.stringify({ output: path.resolve(v.output), templateId: result.templateId, templateSource: result.templateSource, warnings: result.warnings }, null, 2));
      return 0;
    }
    out(`Imported ${pos[0]} into ${v.output}.`);
    for (const l of summarise(result)) out(l);
    for (const w of result.warnings) {
      out(`  ${w.line !== null ? `line ${w.line}` : 'file'}: [${w.code}] ${w.message}${w.suggestion ? ` (suggested: “${w.suggestion.find}” → “${w.suggestion.replace}”)` : ''}`);
    }
    return 0;
  },
};
