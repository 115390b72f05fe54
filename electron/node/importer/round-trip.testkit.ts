/**
 * What a round trip must keep, summarised the same way for a conference as stored and
 * for the import of its DOCX (tests only): the part tree, notes, lists, tables, element
 * kinds with their people, the text of every part, the participants and the programme.
 */
import type { ConferenceSource } from '../../../shared/compile/compile';
import { listFormat, listRoleOf } from '../../../shared/elements/list';
import type { ImportResult, ImportedPart } from '../../../shared/import';
import type { Template } from '../../../shared/templates/schema';

type N = { type: string; text?: string; children?: N[]; [k: string]: unknown };
const kids = (n: N): N[] => n.children ?? [];
/** Nodes whose children are blocks: their text is separated by a space. */
const BLOCKS = new Set([
  'root',
  'list',
  'listitem',
  'table',
  'tablerow',
  'tablecell',
  'quote',
  'epigraph',
  'delegation-statement',
  'paragraph',
  'heading',
  'presentation',
  'commentator',
  'moderator',
  'run-in',
]);

function textOf(n: N): string {
  switch (n.type) {
    case 'text':
      return String(n.text);
    case 'person-ref':
      return String(n.name);
    case 'footnote':
    case 'note-ref':
      return '';
    case 'linebreak':
      return ' ';
    default:
      return kids(n).map(textOf).join('') + (BLOCKS.has(n.type) ? ' ' : '');
  }
}
const squash = (s: string) =>
  s
    .replace(/\s+/g, ' ')
    .replace(/\s+([,.;:)])/g, '$1')
    .trim();
const walk = (n: N, f: (x: N, depth: number) => void, depth = 0): void => {
  f(n, depth);
  for (const c of kids(n)) walk(c, f, n.type === 'list' ? depth + 1 : depth);
};

export interface PartLike {
  id: string;
  depth: number;
  kind: string;
  title: string;
  doc: { root: unknown };
}

export function partsOfSource(src: ConferenceSource): PartLike[] {
  const depth = (id: string | null): number => {
    let d = 0;
    for (let p = src.parts.find((x) => x.id === id)?.parentId; p; p = src.parts.find((x) => x.id === p)?.parentId) d++;
    return d;
  };
  return src.parts.map((p) => ({ id: p.id, depth: depth(p.id), kind: p.kind, title: p.title, doc: p.doc }));
}

export function partsOfImport(r: ImportResult): PartLike[] {
  const out: PartLike[] = [];
  const visit = (list: ImportedPart[], depth: number) => {
    for (const p of list) {
      out.push({ id: p.id, depth, kind: p.kind, title: p.title, doc: p.doc });
      visit(p.children, depth + 1);
    }
  };
  visit(r.parts, 0);
  return out;
}

export function summary(
  parts: PartLike[],
  people: ConferenceSource['participants'],
  agenda: ConferenceSource['agenda'],
  template: Template,
) {
  const partTitles = new Map(parts.map((p) => [p.id, p.title]));
  const notes: string[] = [];
  const lists: string[] = [];
  const tables: string[] = [];
  const elements: string[] = [];
  const text: string[] = [];
  for (const p of parts) {
    const root = p.doc.root as N;
    text.push(`${p.title}: ${squash(textOf(root))}`);
    walk(root, (n, depth) => {
      if (n.type === 'footnote') notes.push(squash(String(n.text)));
      if (n.type === 'list') {
        const st = (n.$ ?? {}) as { numberFormat?: string; role?: string };
        const role = listRoleOf(st.role);
        const ordered = n.listType === 'number';
        const items = kids(n).filter((li) => !(kids(li).length > 0 && kids(li).every((k) => k.type === 'list'))).length;
        const format = ordered
          ? listFormat({ explicit: st.numberFormat, role, depth, subparagraphs: false }, template)
          : 'bullet';
        lists.push(`${p.title} › ${format} from ${String(n.start)}, ${role}, ${items} items`);
        // Numbers written out (not a sequence), and a recommendation's addressee and own theme.
        for (const li of kids(n)) {
          const st = (li.$ ?? {}) as { explicitValue?: boolean; addressee?: string; theme?: string };
          if (st.explicitValue) lists.push(`${p.title} › item ${String(li.value)}`);
          if (st.addressee || st.theme) lists.push(`${p.title} › item for ${st.addressee ?? ''} on ${st.theme ?? ''}`);
        }
      }
      if (n.type === 'table') {
        const rows = kids(n).filter((r) => r.type === 'tablerow');
        const cols = Math.max(
          0,
          ...rows.map((r) => kids(r).reduce((a, c) => a + (typeof c.colSpan === 'number' ? c.colSpan : 1), 0)),
        );
        tables.push(`${p.title} › ${rows.length} × ${cols}`);
      }
      if (['presentation', 'commentator', 'moderator'].includes(n.type)) {
        // The names as printed: a registry person's own name (the node's `names` only keep a name readable without the registry).
        const ids = (n.speakerIds ?? []) as string[];
        const names = ((n.names ?? []) as string[]).map((name, i) => {
          const x = people.find((q) => q.id === ids[i]);
          return x ? [x.honorific, x.name].filter(Boolean).join(' ') : name;
        });
        // A moderator line written out in full prints its text, not the names behind it (its text is compared).
        const printedNames =
          n.type === 'moderator' && squash(textOf(n)) !== '' ? '(as written)' : JSON.stringify(names);
        elements.push(`${p.title} › ${n.type} ${printedNames}`);
      } else if (
        !['root', 'text', 'link', 'autolink', 'linebreak', 'listitem', 'tablerow', 'tablecell', 'paragraph'].includes(
          n.type,
        )
      ) {
        const detail =
          n.type === 'heading'
            ? String(n.tag)
            : n.type === 'run-in'
              ? String(n.label)
              : n.type === 'epigraph'
                ? String(n.attribution)
                : n.type === 'delegation-statement'
                  ? String(n.delegation)
                  : n.type === 'person-ref'
                    ? String(n.name)
                    : n.type === 'figure'
                      ? `${String(n.caption)} / ${String(n.source)}`
                      : '';
        elements.push(`${p.title} › ${n.type} ${detail}`.trim());
      }
    });
  }
  return {
    parts: parts.map((p) => `${'  '.repeat(p.depth)}${p.kind}: ${p.title}`),
    notes,
    lists,
    tables,
    elements,
    text,
    /** The people the text cites (person references), as their registry entries name them. */
    cited: [
      ...new Set(
        parts.flatMap((p) => {
          const ids: string[] = [];
          walk(p.doc.root as N, (n) => {
            if (n.type === 'person-ref') ids.push(String(n.participantId));
          });
          return ids;
        }),
      ),
    ]
      .map((id) => people.find((x) => x.id === id))
      .map((x) => (x ? [x.honorific, x.name].filter(Boolean).join(' ') : '?'))
      .sort(),
    participants: people
      .map((x) =>
        [
          [x.honorific, x.name].filter(Boolean).join(' '),
          x.title,
          x.organisation,
          x.group,
          x.role,
          x.country.toUpperCase(),
        ].join(' | '),
      )
      .sort(),
    agenda: [...agenda]
      .sort((a, b) => a.position - b.position)
      .map((a) => `${a.day} | ${a.start}–${a.end} | ${a.title}`),
    /** Who each programme item names, and the part it links to (by title). */
    agendaPeople: [...agenda]
      .sort((a, b) => a.position - b.position)
      .map((a) => {
        const name = (id: string | null) => people.find((x) => x.id === id)?.name ?? '';
        return `${a.title} | moderator ${name(a.moderatorId)} | speakers ${a.speakerIds.map(name).join('; ')}`;
      }),
    agendaParts: [...agenda]
      .sort((a, b) => a.position - b.position)
      .map((a) => `${a.title} → ${a.partId ? (partTitles.get(a.partId) ?? '?') : ''}`),
  };
}
