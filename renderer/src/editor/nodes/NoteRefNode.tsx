/**
 * A cross-reference to a footnote ("see note 7"): it names the note by its id and shows
 * the note's number as the editor numbers it now, so it follows every renumbering (the
 * compile step resolves it the same way: shared/elements/footnote).
 */
import type { JSX } from 'react';
import { $applyNodeReplacement, $getState, $setState, DecoratorNode, type LexicalNode } from 'lexical';
import { useFootnoteNumberById } from '../plugins/footnote-numbers';
import { noteRefTargetState } from './state';
import { t } from '../../i18n';

function NoteRefMark({ noteId }: { noteId: string }) {
  const n = useFootnoteNumberById(noteId);
  return (
    <span className="ed-note-ref" title={n ? t('editor:noteRef.refersTo', { n }) : t('editor:noteRef.gone')}>
      {n ?? '?'}
    </span>
  );
}

export class NoteRefNode extends DecoratorNode<JSX.Element> {
  override $config() {
    return this.config('note-ref', {
      extends: DecoratorNode,
      stateConfigs: [{ stateConfig: noteRefTargetState, flat: true }],
    });
  }
  getNoteId(): string {
    return $getState(this, noteRefTargetState);
  }
  setNoteId(id: string): this {
    return $setState(this, noteRefTargetState, id);
  }
  override createDOM(): HTMLElement {
    return document.createElement('span');
  }
  override updateDOM(): boolean {
    return false;
  }
  override isInline(): boolean {
    return true;
  }
  override exportJSON() {
    return { ...super.exportJSON(), noteId: this.getNoteId() };
  }
  override decorate(): JSX.Element {
    return <NoteRefMark noteId={this.getNoteId()} />;
  }
}

export const $createNoteRefNode = (noteId: string): NoteRefNode =>
  $applyNodeReplacement(new NoteRefNode()).setNoteId(noteId);
export const $isNoteRefNode = (n: LexicalNode | null | undefined): n is NoteRefNode => n instanceof NoteRefNode;

/** Its JSON in the conference file (shared/model/doc-nodes.ts). */
export type SerializedNoteRefNode = import('../../../../shared/model/doc-nodes').NoteRefJSON;
