/**
 * Find and replace in all parts of a conference: a preview listing every hit with its context,
 * then exactly the ticked hits replaced as one operation, in one transaction, after a snapshot.
 */
import type { PartSummary } from '../../../shared/model/conference';
import { compileFind, Deadline, findInDoc, replaceInDoc, type FindOptions } from '../../../shared/search/find';
import type { FindResult, ReplaceResult } from '../../../shared/search/schemas';
import type { ConferenceStore } from '../store/conference-store';
import { appError } from '../../../shared/i18n/app-error';

/** A preview lists at most this many hits (a replace applies only listed ones). */
export const MAX_PREVIEW_HITS = 5000;

/** The parts in the outline's order (depth first), as the user reads them. */
function partsInOrder(store: ConferenceStore): PartSummary[] {
  const parts = store.listParts();
  const children = new Map<string | null, PartSummary[]>();
  for (const p of parts) children.set(p.parentId, [...(children.get(p.parentId) ?? []), p]);
  const out: PartSummary[] = [];
  const walk = (parentId: string | null) => {
    for (const p of (children.get(parentId) ?? []).sort((a, b) => a.position - b.position)) {
      out.push(p);
      walk(p.id);
    }
  };
  walk(null);
  // A part whose parent is missing still gets searched.
  return out.length === parts.length ? out : [...out, ...parts.filter((p) => !out.includes(p))];
}

export function findInConference(store: ConferenceStore, find: FindOptions, replacement: string): FindResult {
  const compiled = compileFind(find);
  const deadline = new Deadline();
  const result: FindResult = { parts: [], total: 0, truncated: false };
  const all = store.listParts();
  const byId = new Map(all.map((p) => [p.id, p]));
  const within = (id: string): string[] => {
    const out: string[] = [];
    for (let p = byId.get(id)?.parentId; p && out.length < 50; p = byId.get(p)?.parentId)
      out.unshift(byId.get(p)?.title ?? '');
    return out;
  };
  for (const summary of partsInOrder(store)) {
    const part = store.getPart(summary.id);
    const hits = findInDoc(part.doc, compiled, replacement, deadline);
    if (!hits.length) continue;
    result.total += hits.length;
    const room = MAX_PREVIEW_HITS - result.parts.reduce((n, p) => n + p.hits.length, 0);
    if (hits.length > room) result.truncated = true;
    if (room > 0)
      result.parts.push({
        partId: part.id,
        title: part.title,
        within: within(part.id),
        revision: part.revision,
        hits: hits.slice(0, room),
      });
  }
  return result;
}

export interface ReplaceRequest {
  find: FindOptions;
  replacement: string;
  parts: { partId: string; revision: number; hits: number[] }[];
}

/**
 * Replaces the ticked hits. All of it is one transaction that begins with a snapshot: a part
 * changed since the preview, or a hit that no longer exists, refuses the whole replace and
 * nothing (not even the snapshot) is kept.
 */
export function replaceInConference(store: ConferenceStore, req: ReplaceRequest): ReplaceResult {
  const compiled = compileFind(req.find);
  const deadline = new Deadline();
  return store.writeWith(() => {
    const snapshot = store.createSnapshot(
      store.autoSnapshotName('beforeReplace', { query: req.find.query, replacement: req.replacement }),
      'before-replace',
    );
    let replaced = 0;
    let partsChanged = 0;
    for (const sel of req.parts) {
      const part = store.getPart(sel.partId);
      if (part.revision !== sel.revision)
        throw appError('CONFLICT', 'search.changedSincePreview', { title: part.title });
      const found = findInDoc(part.doc, compiled, req.replacement, deadline).length;
      if (sel.hits.some((i) => i >= found)) throw appError('CONFLICT', 'search.hitGone', { title: part.title });
      const { doc, count } = replaceInDoc(part.doc, compiled, req.replacement, new Set(sel.hits), deadline);
      if (!count) continue;
      store.savePartDoc(part.id, doc, part.revision);
      replaced += count;
      partsChanged++;
    }
    return { replaced, partsChanged, snapshot, parts: store.listParts() };
  });
}
