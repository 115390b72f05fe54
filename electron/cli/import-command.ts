/** `rapporteur import <file> -o <conference.rapporteur> [--template <id>] [--json]` */
import { localizeWarning } from '../../shared/i18n/import-warnings';
import type { ImportResult } from '../../shared/import';
import { checkTarget } from '../node/files/safe-write';
import { importReportFile, writeNewConference } from '../node/importer';
import { type CliT, conferenceOutput, onlyPositional, stringOption, type CommandModule } from './context';

export function summarise(r: ImportResult, t: CliT): string[] {
  let parts = 0;
  const count = (ps: ImportResult['parts']) => {
    for (const p of ps) {
      parts++;
      count(p.children);
    }
  };
  count(r.parts);
  const how = r.templateSource === 'given' ? 'given' : r.templateSource === 'detected' ? 'detected' : 'fallback';
  return [
    t('cli:import.template', { id: r.templateId, how }),
    t('cli:import.counts', {
      parts,
      participants: r.participants.length,
      agenda: r.agenda.length,
      warnings: r.warnings.length,
    }),
  ];
}

export const run: CommandModule['run'] = async (v, pos, cx) => {
  const source = onlyPositional(pos, 'fileToImport');
  const output = conferenceOutput(v);
  // A target that will be refused (it exists, its folder does not…) is named before the report is
  // read, not after seconds of parsing; writeNewConference checks it again when it writes.
  checkTarget(cx.file(output));
  const result = await importReportFile(cx.file(source), stringOption(v, 'template'));
  writeNewConference(result, cx.file(output));
  if (v.json) {
    cx.out(
      JSON.stringify(
        {
          output: cx.file(output),
          templateId: result.templateId,
          templateSource: result.templateSource,
          warnings: result.warnings,
        },
        null,
        2,
      ),
    );
    return 0;
  }
  const lines = [cx.t('cli:import.imported', { source, output }), ...summarise(result, cx.t)];
  for (const w of result.warnings) {
    const said = { code: w.code, message: localizeWarning(w, cx.language) };
    const where =
      w.line !== null
        ? cx.t('cli:import.warningAtLine', { ...said, line: String(w.line) })
        : cx.t('cli:import.warningInFile', said);
    const suggested = w.suggestion
      ? cx.t('cli:import.suggested', { find: w.suggestion.find, replace: w.suggestion.replace })
      : '';
    lines.push(`  ${where}${suggested}`);
  }
  cx.out(lines.join('\n'));
  return 0;
};
