/**
 * Proceedings model → Pandoc markdown. Used by the benchmark to give pandoc the same
 * content our DOCX writer gets; also a plain-text view of a compiled report.
 */
import type { Block, Inline, ListBlock, Proceedings, TableBlock, TextRun } from '../../compile/model';

const escapeMd = (s: string): string => s.replace(/([\\`*_[\]#<>|])/g, '\\$1');

function text(r: TextRun): string {
  let t = escapeMd(r.text).replace(/\t/g, ' ');
  if (!t.trim()) return t;
  if (r.sup) t = `^${t.replace(/ /g, '\\ ')}^`;
  if (r.sub) t = `~${t.replace(/ /g, '\\ ')}~`;
  if (r.strike) t = `~~${t}~~`;
  if (r.italic) t = `*${t}*`;
  if (r.bold) t = `**${t}**`;
  return t;
}

function inline(content: Inline[], notes: string[]): string {
  return content
    .map((r) => {
      switch (r.kind) {
        case 'text':
          return text(r);
        case 'break':
          return '\\\n';
        case 'link':
          return `[${r.children.map(text).join('')}](${r.url})`;
        case 'note':
          notes.push(`[^${r.id}]: ${escapeMd(r.text)}`);
          return `[^${r.id}]`;
      }
    })
    .join('');
}

function list(l: ListBlock, notes: string[], indent: string): string {
  return l.items
    .map((it) => {
      const marker = l.ordered ? `${it.value}.` : '-';
      const pad = ' '.repeat(marker.length + 1);
      const body = blocks(it.blocks, notes, indent + pad).trimStart();
      return `${indent}${marker} ${body}`;
    })
    .join('\n');
}

function table(t: TableBlock, notes: string[]): string {
  const cell = (bs: Block[]) =>
    bs
      .map((b) => (b.kind === 'para' ? inline(b.content, notes) : ''))
      .join(' ')
      .replace(/\n/g, ' ');
  const head = t.rows.find((r) => r.header) ?? {
    cells: Array.from({ length: t.columns }, () => ({ blocks: [] as Block[], colSpan: 1 })),
  };
  const width = t.columns;
  const row = (cells: { blocks: Block[]; colSpan: number }[]) => {
    const out: string[] = [];
    for (const c of cells) {
      out.push(cell(c.blocks));
      for (let i = 1; i < c.colSpan; i++) out.push('');
    }
    while (out.length < width) out.push('');
    return `| ${out.join(' | ')} |`;
  };
  const lines = [row(head.cells), `|${' --- |'.repeat(width)}`];
  for (const r of t.rows) if (r !== head && !r.header) lines.push(row(r.cells));
  return lines.join('\n');
}

function blocks(bs: Block[], notes: string[], indent = ''): string {
  const out: string[] = [];
  for (const b of bs) {
    switch (b.kind) {
      case 'heading':
        out.push(
          `${'#'.repeat(Math.min(6, b.level))} ${b.label ? `${escapeMd(b.label)} ` : ''}${inline(b.text, notes)}`,
        );
        break;
      case 'para':
        out.push(indent + (b.number !== undefined ? `${b.number}\\. ` : '') + inline(b.content, notes));
        break;
      case 'list':
        out.push(list(b, notes, indent));
        break;
      case 'table':
        out.push(table(b, notes));
        break;
      case 'quote':
        out.push(
          blocks(b.blocks, notes)
            .split('\n')
            .map((l) => `> ${l}`)
            .join('\n') + (b.attribution ? `\n>\n> — ${escapeMd(b.attribution)}` : ''),
        );
        break;
      case 'figure':
        out.push(
          `**Figure ${b.number}** ${escapeMd(b.caption)}${b.source ? `\n\n*Source:* ${escapeMd(b.source)}` : ''}`,
        );
        break;
      case 'page-break':
        out.push('\\newpage');
        break;
      case 'toc':
        break; // pandoc makes its own with --toc
    }
  }
  return out.join(`\n\n${indent}`);
}

export function proceedingsToMarkdown(proc: Proceedings): string {
  const notes: string[] = [];
  const c = proc.cover;
  const front = [
    '---',
    `title: "${c.title.replace(/"/g, '\\"')}"`,
    ...(c.subtitle ? [`subtitle: "${c.subtitle.replace(/"/g, '\\"')}"`] : []),
    `lang: ${proc.language}`,
    '---',
  ].join('\n');
  const body = proc.sections.map((s) => blocks(s.blocks, notes)).join('\n\n');
  return `${front}\n\n${body}\n\n${notes.join('\n\n')}\n`;
}
