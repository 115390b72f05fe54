/**
 * The items of a "Recommendations:" block (004: "- i. *States are encouraged to …*"): their
 * labels checked against the count, their addressee taken only from an explicit phrase.
 */
import type { DocNode } from '../../model/doc-nodes';
import type { Template } from '../../templates/schema';
import { type InlineOptions, parseInline, plainInline } from '../inline';
import type { ListItemInput } from '../nodes';
import type { ImportContext, ImportedPart } from '../result';
import { firstWords, romanValue } from '../util';
import { addresseeOf } from './addressee';

const LABELLED = /^([ivxlc]+)\.\s+(\S.*|)$/;

export class RecommendationBlock {
  readonly items: ListItemInput[] = [];
  private expected = 1;

  constructor(
    private readonly part: ImportedPart,
    private readonly ctx: ImportContext,
    private readonly template: Template | undefined,
  ) {}

  /** Takes an item if it is labelled as a recommendation ("ii. …"); false otherwise. */
  take(text: string, line: number, inline: InlineOptions): boolean {
    const m = LABELLED.exec(text.trim());
    if (!m) return false;
    const label = m[1]!;
    const value = romanValue(label);
    // The place of a warning about the recommendation: its first words.
    const quote = firstWords(plainInline(m[2]!.replace(/^\*/, '')));
    if (value !== this.expected) {
      this.ctx.warn(
        line,
        value < this.expected ? 'DUPLICATE_LABEL' : 'LABEL_GAP',
        {
          key: value < this.expected ? 'recommendation.repeated' : 'recommendation.skipped',
          values: { label, number: this.expected },
        },
        { partId: this.part.id, quote },
      );
    }
    // Follow the source's own count after a fault, so one fault gives one warning.
    this.expected = value + 1;
    let content = m[2]!.trim();
    // Broken italics (anatomy §5.5): a closing "*" without its opening one.
    if (!content.startsWith('*') && content.endsWith('*') && (content.match(/\*/g) ?? []).length % 2 === 1)
      content = `*${content}`;
    const addressee = addresseeOf(plainInline(content), this.template?.reading?.addressee);
    if (!addressee)
      this.ctx.warn(
        line,
        'ADDRESSEE_UNKNOWN',
        { key: 'recommendation.noAddressee', values: { label } },
        { partId: this.part.id, quote },
      );
    const children: DocNode[] = parseInline(content, inline);
    this.items.push({ children, addressee, theme: this.part.title });
    return true;
  }
}
