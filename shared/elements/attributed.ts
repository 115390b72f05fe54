/**
 * The label rule of attributed blocks: presentations and commentators are lettered
 * (a), (b), … each kind on its own count, starting again after every heading of the
 * document. The editor's live numbering and the compile step both step through a
 * document with this counter.
 */
import { toAlpha } from '../templates/numbering';

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
