import type { PartSummary } from '../../../shared/model/conference';

/** Where a key takes the focus in the outline, by the parts in the order shown (null: nowhere new). */
export function targetOf(parts: PartSummary[], currentId: string, key: string): string | null {
  const i = parts.findIndex((p) => p.id === currentId);
  if (i < 0) return null;
  const cur = parts[i]!;
  switch (key) {
    case 'ArrowDown':
      return parts[i + 1]?.id ?? null;
    case 'ArrowUp':
      return parts[i - 1]?.id ?? null;
    case 'Home':
      return parts[0]?.id ?? null;
    case 'End':
      return parts[parts.length - 1]?.id ?? null;
    case 'ArrowLeft':
      return cur.parentId;
    case 'ArrowRight':
      return parts.find((p) => p.parentId === cur.id)?.id ?? null;
    default:
      return null;
  }
}

/** Where Alt+Shift+↑/↓ moves a part: one place among its siblings, or null at either end. */
export function moveTargetOf(
  parts: PartSummary[],
  id: string,
  dir: -1 | 1,
): { parentId: string | null; index: number } | null {
  const part = parts.find((p) => p.id === id);
  if (!part) return null;
  const siblings = parts.filter((p) => p.parentId === part.parentId).sort((a, b) => a.position - b.position);
  const at = siblings.findIndex((p) => p.id === id);
  const index = at + dir;
  return index < 0 || index >= siblings.length ? null : { parentId: part.parentId, index };
}
