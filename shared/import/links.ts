/**
 * Which link addresses a conference keeps: web pages and e-mail. Anything else
 * (`javascript:`, `data:`, `vbscript:`, `file:`, app-specific schemes) could run code or
 * reach the reader's disk when a report is opened elsewhere, so an import keeps the link's
 * text, drops the address and says so; a paste drops it too.
 */
import type { DocNode } from '../model/doc-nodes';
import type { ImportContext, ImportedPart } from './result';

/** http, https or mailto, with an address after the scheme. Control characters and spaces before the scheme do not hide another one. */
export function isAllowedLinkUrl(url: string): boolean {
  return /^(?:https?:\/\/[^\s/]|mailto:[^\s@]+@)/i.test(url.trim());
}

type Node = DocNode & { children?: Node[]; url?: string };

/** Replaces each link whose address is not allowed by its text, with a warning on the part. */
export function dropDisallowedLinks(parts: ImportedPart[], ctx: ImportContext): void {
  for (const part of parts) {
    const dropped: string[] = [];
    const clean = (nodes: Node[]): Node[] =>
      nodes.flatMap((n) => {
        const kids = n.children ? clean(n.children) : undefined;
        if (
          ((n.type as string) === 'link' || (n.type as string) === 'autolink') &&
          !isAllowedLinkUrl(String(n.url ?? ''))
        ) {
          dropped.push(String(n.url ?? ''));
          return kids ?? [];
        }
        return kids ? [{ ...n, children: kids }] : [n];
      });
    const root = part.doc.root as unknown as Node;
    root.children = clean(root.children ?? []);
    if (dropped.length) {
      const shown = dropped
        .slice(0, 3)
        .map((u) => `“${u.length > 60 ? `${u.slice(0, 60)}…` : u}”`)
        .join(', ');
      ctx.warn(
        part.line,
        'LINK_DROPPED',
        { key: 'linkDropped', values: { count: dropped.length, shown } },
        { partId: part.id },
      );
    }
    dropDisallowedLinks(part.children, ctx);
  }
}
