/**
 * `rapporteur export <file> [--docx out.docx] [--pdf out.pdf] [--no-annexes] [--watermark] [--toc-pages]`
 * (--toc-pages: page numbers in the Word contents, laid out by docx/layout; slower).
 * `--changes-since <snapshot name or number>`: the DOCX shows every change since that snapshot as
 * a Word tracked change (Word only: with it only the DOCX is written, and --pdf is refused), credited
 * to `--author <name>`, else to the user's name in the app's settings (as the app's own export does).
 * `--comments` / `--no-comments`: the open comments as Word comments in the DOCX, or not (by
 * default they are written when there are any); a PDF never prints them.
 * With neither --docx nor --pdf, both are written next to the conference file. The work
 * is export-service's, the same as the app's; the conference is read once for both.
 */
import path from 'node:path';
import { readConferenceFileSaying } from '../node/export/load-proceedings';
import { exportBytes, writeAtomically } from '../node/export/export-service';
import { exporters, type ExportFormat } from '../node/export/exporters';
import { REVISION_AUTHOR, withBaseline } from '../node/services/review-service';
import { findSnapshot, listSnapshotsOf } from '../node/store/snapshot-reader';
import { SettingsFile } from '../node/services/settings';
import { defaultDirs } from '../node/paths';
import { readOpenComments } from '../node/services/comments-service';
import type { WithComments } from '../../shared/review/comments-export';
import { noteText } from '../../shared/i18n/export-notes';
import {
  type Context,
  localSynopsis,
  onlyPositional,
  stringOption,
  UsageError,
  type CommandModule,
  type Values,
} from './context';

/** The same bound as the user's name in the settings. */
const AUTHOR_MAX = 200;

/** Whom Word credits with the tracked changes: --author, else the name the user set in the app. */
function revisionAuthor(v: Values, cx: Context): string {
  const given = stringOption(v, 'author')?.trim();
  if (given === undefined) {
    const dataDir = defaultDirs(cx.io.env).dataDir;
    return new SettingsFile(path.join(dataDir, 'settings.json')).read().userName;
  }
  if (given.length === 0) throw new UsageError((t) => t('cli:usageError.empty', { option: '--author' }));
  if (given.length > AUTHOR_MAX)
    throw new UsageError((t) =>
      t('cli:usageError.tooLong', { option: '--author', length: given.length, max: AUTHOR_MAX }),
    );
  return given;
}

export const run: CommandModule['run'] = async (v, pos, cx) => {
  const file = cx.file(onlyPositional(pos, 'conferenceFile'));
  const base = file.replace(/\.rapporteur$/, '');
  const docx = stringOption(v, 'docx');
  const pdf = stringOption(v, 'pdf');
  const since = stringOption(v, 'changes-since');
  if (since !== undefined && pdf !== undefined) throw new UsageError((t) => t('cli:usageError.changesSinceWithPdf'));
  if (v.comments && v['no-comments']) throw new UsageError((t) => t('cli:usageError.commentsBoth'));
  const targets: [ExportFormat, string][] = [];
  const target = (format: ExportFormat, given: string | undefined) =>
    given !== undefined ? cx.file(given) : `${base}${exporters[format].extension}`;
  if (docx !== undefined || pdf === undefined) targets.push(['docx', target('docx', docx)]);
  if (pdf !== undefined || (docx === undefined && since === undefined)) targets.push(['pdf', target('pdf', pdf)]);
  const options = {
    partIds: null,
    annexes: !v['no-annexes'],
    watermark: Boolean(v.watermark),
    tocPageNumbers: Boolean(v['toc-pages']),
  };

  if (since === undefined && v.author !== undefined)
    throw new UsageError((t) => t('cli:usageError.authorWithoutChanges'));
  const author = since !== undefined ? revisionAuthor(v, cx) : '';

  const read = readConferenceFileSaying(file);
  const source =
    since !== undefined
      ? withBaseline(file, read.source, findSnapshot(listSnapshotsOf(file), since).id, author)
      : read.source;
  const note = (text: string) => cx.note(cx.t('cli:note', { text }));
  if (since !== undefined && !author)
    note(cx.t('cli:export.author', { author: REVISION_AUTHOR, option: localSynopsis('--author <name>', cx.t) }));
  for (const n of read.leftOut) note(noteText(n, cx.language));
  let notesShown = false;
  const comments = v['no-comments'] || !targets.some(([f]) => f === 'docx') ? [] : readOpenComments(file);
  const withThreads: typeof source & WithComments = { ...source, comments };
  if (v.comments && !comments.length) note(cx.t('cli:export.noComments'));
  for (const [format, target] of targets) {
    const t0 = performance.now();
    const r = await exportBytes({ source: format === 'docx' ? withThreads : source, format, options });
    writeAtomically(target, r.bytes);
    // Both formats compile the same proceedings, so their notes are the same: show them once.
    if (!notesShown) for (const n of r.notes) note(noteText(n, cx.language));
    notesShown = true;
    const written = { file: target, bytes: r.bytes.length, ms: Math.round(performance.now() - t0) };
    cx.out(
      r.pages !== undefined
        ? cx.t('cli:export.wroteWithPages', { ...written, pages: r.pages })
        : cx.t('cli:export.wrote', written),
    );
  }
  return 0;
};
