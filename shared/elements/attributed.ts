/**
 * The label rule of attributed blocks: presentations and commentators are lettered
 * (a), (b), … each kind on its own count, starting again after every heading of the
 * document. The editor's live numbering and the compile step both step through a
 * document with this counter.
 */
import { z } from 'zod';
import type { BlockCompiler } from '../compile/element-compiler';
import type { Inline, ParaBlock } from '../compile/model';
import { isBlank } from '../compile/runs';
import { toAlpha } from '../templates/numbering';
import { isNoted, notedSurnames, opensWithNote } from './attribution';
import { elementFields, type RawNode, spec, str, text } from './spec';
import { childrenOf } from './walk';

export type AttributedKind = 'presentation' | 'commentator' | 'moderator';

export const blockLetter = (n: number): string => `(${toAlpha(n)})`;

export class BlockLetters {
  private presentation = 0;
  private commentator = 0;

  /** A heading: the letters start again under it. */
  heading(): void {
    this.presentation = 0;
    this.commentator = 0;
  }

  /** The letter of the next block of this kind; a moderator line has none. */
  next(kind: AttributedKind): string {
    if (kind === 'presentation') return blockLetter(++this.presentation);
    if (kind === 'commentator') return blockLetter(++this.commentator);
    return '';
  }
}

// ---- their compile step: the names, the template's attribution policy, the text ------------

/** Whether raw inline nodes hold any visible text (checked before converting, so no footnote is numbered twice). */
const hasText = (nodes: RawNode[]): boolean =>
  nodes.some(
    (k) =>
      k.type !== 'footnote' &&
      ((typeof k.text === 'string' && k.text.trim() !== '') ||
        (k.type === 'person-ref' && str(k.name).trim() !== '') ||
        hasText(childrenOf(k))),
  );

/** Presentation, commentator and moderator lines, with the template's attribution policy. */
function compileAttributed(n: RawNode, c: BlockCompiler): ParaBlock | null {
  const { ctx } = c;
  const type = n.type as AttributedKind;
  let ids = Array.isArray(n.speakerIds) ? (n.speakerIds as unknown[]).map(String) : [];
  const names = Array.isArray(n.names) ? (n.names as unknown[]).map(String) : [];
  const policy = ctx.template.attribution;
  const own = childrenOf(n);
  const programme = c.opts.programme;
  const namesNoOne = !ids.length && !names.some((nm) => nm.trim());
  // A block that names no one takes its person from the programme's item for this part.
  if (namesNoOne && type === 'moderator' && programme?.moderatorId) ids = [programme.moderatorId];
  const presentation = type === 'presentation' ? c.nextPresentation() : -1;
  const stand = presentation >= 0 ? programme?.speakerIds[presentation] : undefined;
  if (namesNoOne && stand) ids = [stand];
  // The text may note the speakers already: a note on the names (the editor inserts one), or
  // on a name in the remark or in the sentence after the heading ("given by Mr. Perruchoud[1]").
  const blockNoted = opensWithNote(own);
  const next = c.next?.type === 'paragraph' ? childrenOf(c.next) : [];
  const textNotes = new Set([...notedSurnames(own), ...notedSurnames(next)]);
  // One note after the last of several names covers them all ("Villa and Martinez Pizarro¹").
  const textNoted =
    names.some((nm) => isNoted(nm, textNotes)) ||
    ids.some((id) => {
      const p = ctx.participants.get(id);
      return p ? isNoted(p.name, textNotes) : false;
    });
  // Built lazily: a footnote is numbered only if its name is printed.
  const speakers = (): Inline[] => {
    const out: Inline[] = [];
    const count = Math.max(ids.length, names.length);
    for (let i = 0; i < count; i++) {
      const p = ids[i] ? ctx.participants.get(ids[i]!) : undefined;
      const name = (p ? [p.honorific, p.name].filter(Boolean).join(' ') : (names[i] ?? '')).trim();
      if (!name) continue;
      if (out.length) out.push({ kind: 'text', text: i === count - 1 ? ' and ' : ', ' });
      out.push({ kind: 'text', text: name, charStyle: 'speaker-name', bold: type !== 'moderator' });
      const details = p
        ? [p.title, p.organisation, p.country]
            .map((s) => s.trim())
            .filter(Boolean)
            .join(', ')
        : '';
      // Once per person, at the first block that names them, unless the text notes them.
      const noted = blockNoted || textNoted || (p ? ctx.attributed.has(p.id) : false);
      if (details && policy === 'footnote' && !noted) out.push(ctx.footnote(`${details}.`, 'affiliation'));
      if (p && policy === 'footnote' && (details || noted)) ctx.attributed.add(p.id);
      if (details && policy === 'inline') out.push({ kind: 'text', text: `, ${details}` });
    }
    return out;
  };
  const content: Inline[] = [];
  if (type === 'moderator') {
    content.push({ kind: 'text', text: `${ctx.terms.moderator} `, italic: true, charStyle: 'block-label' });
    // The person line, when written, is the whole line; otherwise it comes from the registry.
    // Without one, the names come from the registry, followed by their own note if the editor put one there.
    if (hasText(own)) content.push(...c.inlines(own));
    else {
      const who = speakers();
      // A moderator line with no one to name prints nothing rather than a bare label.
      if (!who.length) {
        ctx.note('moderatorUnset');
        return null;
      }
      content.push(...who, ...c.inlines(own).filter((r) => r.kind === 'note'));
    }
    return { kind: 'para', style: 'moderator', content };
  }
  content.push({ kind: 'text', text: `${c.letters.next(type)}\t`, charStyle: 'block-label' });
  const who = speakers();
  content.push(...who);
  const rest = c.inlines(own);
  // The names' own note (the editor inserts it with them) stays on the names: "Ana Ruiz¹, Paper title".
  while (rest.length && (rest[0]!.kind === 'note' || (rest[0]!.kind === 'text' && rest[0]!.text.trim() === ''))) {
    const lead = rest.shift()!;
    if (lead.kind === 'note') content.push(lead);
  }
  if (!isBlank(rest)) {
    if (who.length) content.push({ kind: 'text', text: type === 'presentation' ? ', ' : ': ' });
    content.push(...rest);
  }
  return { kind: 'para', style: type, content, keepNext: type === 'presentation' };
}

// ---- their JSON: registry ids of the speakers, and their names as written -------------

const fields = z.looseObject({
  ...elementFields,
  speakerIds: z.array(text(64)).max(200),
  names: z.array(text(1_000)).max(200),
});
const names = (n: RawNode): string =>
  Array.isArray(n.names) ? n.names.filter((x) => typeof x === 'string').join(', ') : '';
const before = (n: RawNode): string => (names(n) ? `${names(n)}, ` : '');
const compileBlock = (n: RawNode, c: BlockCompiler) => {
  const block = compileAttributed(n, c);
  return block ? [block] : [];
};
export const presentationElement = spec({
  type: 'presentation',
  role: 'block',
  endsLine: true,
  fields,
  textBefore: before,
  compileBlock,
});
export const commentatorElement = spec({
  type: 'commentator',
  role: 'block',
  endsLine: true,
  fields,
  textBefore: before,
  compileBlock,
});
export const moderatorElement = spec({
  type: 'moderator',
  role: 'block',
  endsLine: true,
  fields,
  textBefore: before,
  compileBlock,
});
