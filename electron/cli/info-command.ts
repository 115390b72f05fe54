/** `rapporteur info <file> [--json]`: the conference's details and outline, read-only. */
import type { PartSummary } from '../../shared/model/conference';
import { ConferenceStore } from '../node/store/conference-store';
import { onlyPositional, type CommandModule } from './context';

interface OutlineNode {
  id: string;
  kind: string;
  title: string;
  status: string;
  words: number;
  children: OutlineNode[];
}

function outline(parts: PartSummary[]): OutlineNode[] {
  const nodes = new Map<string, OutlineNode>();
  const roots: OutlineNode[] = [];
  for (const p of parts) {
    const n: OutlineNode = {
      id: p.id,
      kind: p.kind,
      title: p.title,
      status: p.status,
      words: p.wordCount,
      children: [],
    };
    nodes.set(p.id, n);
    (p.parentId ? (nodes.get(p.parentId)?.children ?? roots) : roots).push(n);
  }
  return roots;
}

export const run: CommandModule['run'] = async (v, pos, cx) => {
  const file = cx.file(onlyPositional(pos, 'conferenceFile'));
  // Only reading: the file is never written (not even brought up to a newer format).
  const store = ConferenceStore.open(file, { readOnly: true });
  try {
    const { meta } = store.getMeta();
    const parts = store.listParts();
    if (v.json) {
      cx.out(
        JSON.stringify(
          {
            file,
            meta,
            parts: outline(parts),
            participants: store.listParticipants().length,
            agenda: store.listAgenda().length,
            words: parts.reduce((a, p) => a + p.wordCount, 0),
          },
          null,
          2,
        ),
      );
      return 0;
    }
    const { t } = cx;
    const lines = [`${meta.title || t('cli:info.untitled')}${meta.subtitle ? ` — ${meta.subtitle}` : ''}`];
    if (meta.symbol) lines.push(t('cli:info.symbol', { symbol: meta.symbol }));
    const place = [meta.venue, meta.city, meta.country].filter(Boolean).join(', ');
    const dates = meta.startDate ? ` ${meta.startDate}${meta.endDate ? ` – ${meta.endDate}` : ''}` : '';
    if (place || dates) lines.push(`${place}${dates}`);
    lines.push(t('cli:info.template', { id: meta.templateId }), '');
    const depth = new Map<string, number>();
    for (const p of parts) {
      const d = p.parentId ? (depth.get(p.parentId) ?? 0) + 1 : 0;
      depth.set(p.id, d);
      const status = t(`cli:info.status.${p.status}`);
      lines.push(
        `${'  '.repeat(d)}${t('cli:info.part', { title: p.title, kind: p.kind, status, words: p.wordCount })}`,
      );
    }
    cx.out(lines.join('\n'));
    return 0;
  } finally {
    store.close();
  }
};
