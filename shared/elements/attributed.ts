/**
 * The label rule of attributed blocks: presentations and commentators are lettered
 * (a), (b), … each kind on its own count, starting again after every heading of the
 * document. The editor's live numbering and the compile step both step through a
 * document with this counter.
 */
import { z } from 'zod';
import { toAlpha } from '../templates/numbering';
import { elementFields, type RawNode, spec, text } from './spec';

export type AttributedKind = 'presentation' | 'commentator' | 'moderator';

export const blockLetter = (n: number): string => `(${toAlpha(n)})`;

export class BlockLetters {
  private presentation = 0;
  private commentator = 0;

  /** A heading: the letters start again under it. */
  heading(): void { this.presentation = 0; this.commentator = 0; }

  /** The letter of the next block of this kind; a moderator line has none. */
  next(kind: AttributedKind): string {
    if (kind === 'presentation') return blockLetter(++this.presentation);
    if (kind === 'commentator') return blockLetter(++this.commentator);
    return '';
  }
}

// ---- their JSON: registry ids of the speakers, and their names as written -------------

const fields = z.looseObject({ ...elementFields, speakerIds: z.array(text(64)).max(200), names: z.array(text(1_000)).max(200) });
const names = (n: RawNode): string => (Array.isArray(n.names) ? n.names.filter((x) => typeof x === 'string').join(', ') : '');
const before = (n: RawNode): string => (names(n) ? `${names(n)}, ` : '');
export const presentationElement = spec({ type: 'presentation', role: 'block', endsLine: true, fields, textBefore: before });
export const commentatorElement = spec({ type: 'commentator', role: 'block', endsLine: true, fields, textBefore: before });
export const moderatorElement = spec({ type: 'moderator', role: 'block', endsLine: true, fields, textBefore: before });
