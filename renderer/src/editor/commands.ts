/**
 * Commands: the only way the toolbar, live mode and shortcuts change the document
 * (handled in plugins/ReportElementsPlugin.tsx).
 */
import { createCommand, type LexicalCommand } from 'lexical';
import type { Participant } from '../../../shared/model/conference';
import type { ListRole, NumberFormat } from '../../../shared/model/doc-nodes';

export type AttributedKind = 'presentation' | 'commentator' | 'moderator';
export type SimpleBlockKind = 'epigraph' | 'delegation-statement' | 'run-in' | 'page-break' | 'figure' | 'quote';

export const INSERT_FOOTNOTE_COMMAND: LexicalCommand<{ text?: string; open?: boolean } | undefined> =
  createCommand('INSERT_FOOTNOTE_COMMAND');
export const INSERT_ATTRIBUTED_COMMAND: LexicalCommand<{
  kind: AttributedKind;
  speakers: Participant[];
  title?: string;
}> = createCommand('INSERT_ATTRIBUTED_COMMAND');
export const INSERT_SIMPLE_BLOCK_COMMAND: LexicalCommand<{ kind: SimpleBlockKind; value?: string }> =
  createCommand('INSERT_SIMPLE_BLOCK_COMMAND');
export const INSERT_REPORT_LIST_COMMAND: LexicalCommand<{
  listType: 'bullet' | 'number';
  role?: ListRole;
  numberFormat?: NumberFormat;
}> = createCommand('INSERT_REPORT_LIST_COMMAND');
export const INSERT_RECOMMENDATIONS_TABLE_COMMAND: LexicalCommand<{ columns: string[] }> = createCommand(
  'INSERT_RECOMMENDATIONS_TABLE_COMMAND',
);
export const INSERT_PERSON_COMMAND: LexicalCommand<Participant> = createCommand('INSERT_PERSON_COMMAND');
/** Appends a point to the highlights list of this part (created at the end if missing). */
export const CAPTURE_HIGHLIGHT_COMMAND: LexicalCommand<string> = createCommand('CAPTURE_HIGHLIGHT_COMMAND');
/** Opens the speaker type-ahead for a new attributed block (shortcut, live mode). */
export const ASK_SPEAKERS_COMMAND: LexicalCommand<AttributedKind> = createCommand('ASK_SPEAKERS_COMMAND');
/** Opens the link dialog (toolbar button, Ctrl+K). */
export const ASK_LINK_COMMAND: LexicalCommand<void> = createCommand('ASK_LINK_COMMAND');
