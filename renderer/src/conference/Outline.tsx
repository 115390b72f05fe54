import type { PartSummary } from '../../../shared/model/conference';

const STATUS_LABEL: Record<PartSummary['status'], string> = {
  'not-started': 'Not started', drafting: 'Drafting', 'in-review': 'In review', final: 'Final',
};

interface Props { parts: PartSummary[]; selected: string | null; onSelect(id: string): void }

/** The tree of parts, in document order, indented by depth. */
export function Outline({ parts, selected, onSelect }: Props) {
  const depth = new Map<string, number>();
  for (const p of parts) depth.set(p.id, p.parentId ? (depth.get(p.parentId) ?? 0) + 1 : 0);
  return (
    <nav className="outline" aria-label="Outline of parts">
      <ul role="tree">
        {parts.map((p) => (
          <li key={p.id} role="treeitem" aria-selected={p.id === selected} style={{ paddingLeft: `${(depth.get(p.id) ?? 0) * 14 + 8}px` }}>
            <button type="button" className={p.id === selected ? 'outline-item selected' : 'outline-item'} onClick={() => onSelect(p.id)}>
              <span className="outline-title">{p.title || 'Untitled'}</span>
              <span className={`outline-meta status-${p.status}`}>{STATUS_LABEL[p.status]} · {p.wordCount} w</span>
            </button>
          </li>
        ))}
      </ul>
    </nav>
  );
}
