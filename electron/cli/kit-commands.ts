/**
 * `rapporteur kit <file> --rapporteur <name> -o <kit>` writes one rapporteur's kit;
 * `rapporteur merge <file> <kit>... [--json]` brings returned kits in, as the app's
 * "Prepare kit for …" and "Bring in returned kits" do (electron/node/kits).
 * merge exits 0 when everything was merged without conflicts, 3 when conflicts wait for
 * the editor, 1 when a kit was refused (another conference, not a kit): see run.ts.
 */
import path from 'node:path';
import type { KitMergeResult, MergeEntry, MergeReport } from '../../shared/kits/kit-report';
import { mergeKits, prepareKit } from '../node/kits';
import { ConferenceStore } from '../node/store/conference-store';
import { conferenceOutput, onlyPositional, stringOption, UsageError, type CommandModule } from './context';
import { EXIT } from './run';

const RAPPORTEUR_MAX = 200;

export const kit: CommandModule = {
  async run(v, pos, cx) {
    const who = stringOption(v, 'rapporteur')?.trim();
    if (who === undefined) throw new UsageError('missing --rapporteur <name> (whose kit this is).');
    if (who.length === 0) throw new UsageError('--rapporteur must not be empty.');
    if (who.length > RAPPORTEUR_MAX)
      throw new UsageError(`--rapporteur is ${who.length} characters long; at most ${RAPPORTEUR_MAX}.`);
    const target = cx.file(conferenceOutput(v));
    const store = ConferenceStore.open(cx.file(onlyPositional(pos, 'conference file')));
    try {
      const info = prepareKit(store, { rapporteur: who, target });
      const titles = info.assignedPartIds.map((id) => store.getPart(id).title);
      cx.out(
        v.json
          ? JSON.stringify({ ...info, assignedTitles: titles }, null, 2)
          : `Wrote ${info.rapporteur}’s kit of “${info.conferenceTitle}” to ${path.basename(info.path)}, from version “${info.baseVersion}”.\n` +
              `Theirs to draft (${titles.length}):\n${titles.map((t) => `  ${t}`).join('\n')}`,
      );
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

const HEADINGS: [MergeEntry['decision'], string][] = [
  ['taken', 'Taken'],
  ['added', 'Added to the registry'],
  ['matched', 'Already in the registry'],
  ['conflict', 'Conflicts (waiting for the editor)'],
  ['resolved', 'Decided'],
  ['refused', 'Refused'],
  ['already-in', 'Already at the desk'],
];

function describeKit(r: KitMergeResult): string {
  const head = r.kit ? `${r.file}: ${r.kit.rapporteur}’s kit` : r.file;
  if (r.outcome === 'refused') return `${head}: refused. ${r.message ?? ''}`;
  const lines = [r.outcome === 'already-merged' ? `${head}: ${r.message ?? ''}` : `${head}: merged.`];
  for (const [decision, heading] of HEADINGS) {
    const entries = r.entries.filter((e) => e.decision === decision);
    if (entries.length === 0) continue;
    lines.push(`  ${heading}:`);
    for (const e of entries) lines.push(`    ${e.subject} “${e.title}”: ${e.message}`);
  }
  if (r.outcome === 'merged' && r.entries.length === 0) lines.push('  Nothing had changed in it.');
  return lines.join('\n');
}

export function describeReport(report: MergeReport): string {
  const total =
    `${report.taken} taken, ${report.conflicts} in conflict, ${report.refused} refused` +
    (report.snapshotId !== null ? ` (snapshot ${report.snapshotId} kept the conference as it was before).` : '.');
  return [...report.kits.map(describeKit), total].join('\n');
}

export const merge: CommandModule = {
  async run(v, pos, cx) {
    if (pos.length < 2)
      throw new UsageError(
        `expected the conference file and at least one returned kit, got ${pos.length} file${pos.length === 1 ? '' : 's'}.`,
      );
    const [file, ...kits] = pos;
    const store = ConferenceStore.open(cx.file(file!));
    let report: MergeReport;
    try {
      report = mergeKits(
        store,
        kits.map((k) => cx.file(k)),
      );
    } finally {
      store.close();
    }
    cx.out(v.json ? JSON.stringify(report, null, 2) : describeReport(report));
    for (const r of report.kits) if (r.outcome === 'refused') cx.note(`rapporteur merge: ${r.message ?? r.file}`);
    if (report.kits.some((r) => r.outcome === 'refused')) return EXIT.refused;
    return report.conflicts > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
