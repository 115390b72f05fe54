/**
 * What an element kind's compile step (declared in its module in shared/elements) is given:
 * the run's context and the converter's services. Element modules import these types
 * only, so the registry and the compile step never import each other at run time.
 */
import type { BlockLetters } from '../elements/attributed';
import type { RawNode } from '../elements/spec';
import type { CompileContext } from './context';
import type { Block, HeadingBlock, Inline, ParaBlock, TableBlock } from './model';

/** Converts inline content (an element's inline children). */
export interface InlineCompiler {
  readonly ctx: CompileContext;
  inlines(nodes: RawNode[]): Inline[];
}

/** What block conversion needs from the outline being built (heading numbers, the current path). */
export interface OutlineCursor {
  /** A heading inside a part's document, of tag level `tag` (h1 = 1). */
  docHeading(tag: number, text: Inline[]): HeadingBlock;
  /** Numbering path of the current position ("3.c") for recommendation numbers. */
  recommendationPrefix(): string;
  /** Titles of the current headings, outermost first. */
  themePath(): string[];
  /** The generated table of recommendations, wherever a document asks for it. */
  recommendationsTable(): TableBlock;
}

export interface BlockOptions {
  /** Top-level paragraphs get UN paragraph numbers. */
  numberParagraphs: boolean;
  nextParagraphNumber: () => number;
  /** The programme's item for this part: its moderator and speakers stand in for blocks that name no one. */
  programme?: { moderatorId: string | null; speakerIds: string[] } | undefined;
}

/** The converter of one part's document, as a block element's compile step sees it. */
export interface BlockCompiler extends InlineCompiler {
  readonly outline: OutlineCursor;
  readonly opts: BlockOptions;
  /** Presentation and commentator letters of this part. */
  readonly letters: BlockLetters;
  /** The node after the one being converted (an attribution may already be noted there). */
  readonly next: RawNode | undefined;
  /** Index of the next presentation of this part (the n-th takes the programme's n-th speaker). */
  nextPresentation(): number;
  /** Block children of an element; `topLevel` numbers paragraphs where the template does. */
  convert(nodes: RawNode[], topLevel?: boolean): Block[];
  /** Children of a quote-like element, their body paragraphs given `style`. */
  convertBody(nodes: RawNode[], style: ParaBlock['style']): Block[];
}
