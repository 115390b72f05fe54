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
import {
  type CliT,
  conferenceOutput,
  localSynopsis,
  onlyPositional,
  stringOption,
  UsageError,
  type CommandModule,
} from './context';
import { EXIT } from './run';

const RAPPORTEUR_MAX = 200;

export const kit: CommandModule = {
  async run(v, pos, cx) {
    const who = stringOption(v, 'rapporteur')?.trim();
    if (who === undefined)
      throw new UsageError((t) =>
        t('cli:usageError.missingRapporteur', { option: localSynopsis('--rapporteur <name>', t) }),
      );
    if (who.length === 0) throw new UsageError((t) => t('cli:usageError.empty', { option: '--rapporteur' }));
    if (who.length > RAPPORTEUR_MAX)
      throw new UsageError((t) =>
        t('cli:usageError.tooLong', { option: '--rapporteur', length: who.length, max: RAPPORTEUR_MAX }),
      );
    const target = cx.file(conferenceOutput(v));
    const store = ConferenceStore.open(cx.file(onlyPositional(pos, 'conferenceFile')));
    try {
      const info = prepareKit(store, { rapporteur: who, target });
      const titles = info.assignedPartIds.map((id) => store.getPart(id).title);
      cx.out(
        v.json
          ? JSON.stringify({ ...info, assignedTitles: titles }, null, 2)
          : `${cx.t('cli:kit.wrote', {
              who: info.rapporteur,
              title: info.conferenceTitle,
              file: path.basename(info.path),
              version: info.baseVersion,
            })}\n${cx.t('cli:kit.theirs', { n: titles.length })}\n${titles.map((t) => `  ${t}`).join('\n')}`,
      );
      return EXIT.ok;
    } finally {
      store.close();
    }
  },
};

/** The merge report's groups, in the order they are listed. */
const DECISIONS: readonly MergeEntry['decision'][] = [
  'taken',
  'added',
  'matched',
  'conflict',
  'resolved',
  'refused',
  'already-in',
];

function describeKit(r: KitMergeResult, t: CliT): string {
  const kit = r.kit ? t('cli:merge.kitOf', { file: r.file, who: r.kit.rapporteur }) : r.file;
  if (r.outcome === 'refused') return t('cli:merge.refused', { kit, message: r.message ?? '' }).trimEnd();
  const lines = [r.outcome === 'already-merged' ? `${kit}: ${r.message ?? ''}` : t('cli:merge.merged', { kit })];
  for (const decision of DECISIONS) {
    const entries = r.entries.filter((e) => e.decision === decision);
    if (entries.length === 0) continue;
    lines.push(`  ${t('cli:merge.headingLine', { heading: t(`cli:merge.heading.${decision}`) })}`);
    for (const e of entries) lines.push(`    ${e.subject} “${e.title}”: ${e.message}`);
  }
  if (r.outcome === 'merged' && r.entries.length === 0) lines.push(`  ${t('cli:merge.nothingChanged')}`);
  return lines.join('\n');
}

export function describeReport(report: MergeReport, t: CliT): string {
  const counts = { taken: report.taken, conflicts: report.conflicts, refused: report.refused };
  const total =
    report.snapshotId !== null
      ? t('cli:merge.totalWithSnapshot', { ...counts, snapshot: report.snapshotId })
      : t('cli:merge.total', counts);
  return [...report.kits.map((r) => describeKit(r, t)), total].join('\n');
}

export const merge: CommandModule = {
  async run(v, pos, cx) {
    if (pos.length < 2) throw new UsageError((t) => t('cli:usageError.mergeFiles', { n: pos.length }));
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
    cx.out(v.json ? JSON.stringify(report, null, 2) : describeReport(report, cx.t));
    for (const r of report.kits) if (r.outcome === 'refused') cx.note(`rapporteur merge: ${r.message ?? r.file}`);
    if (report.kits.some((r) => r.outcome === 'refused')) return EXIT.refused;
    return report.conflicts > 0 ? EXIT.conflicts : EXIT.ok;
  },
};
