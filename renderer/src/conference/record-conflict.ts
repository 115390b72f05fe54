import { useEffect, useRef, useState } from 'react';
import { api, ApiError } from '../api';
import { t } from '../i18n';

/** A record saved whole with the revision it was read at: a participant, a programme item. */
export interface Revisioned {
  id: string;
  revision?: number | undefined;
}

export interface RecordKind<T extends Revisioned> {
  /** How the record is named to the user, e.g. “Mary Robinson”. */
  name(item: T): string;
  /** The records as stored now (to see the other version). */
  fetch(): Promise<T[]>;
  save(item: T): Promise<T[]>;
  remove(id: string, baseRevision: number | undefined): Promise<T[]>;
}

const snapshotName = (text: string) => text.slice(0, 200);

/**
 * Saves records with the revision this window last saw, one save at a time per record (so
 * a window never conflicts with its own earlier save). A save refused because another
 * window or program changed the record opens a choice, as for parts: keep mine or use
 * theirs; the version not kept goes into a snapshot, so neither is lost.
 */
export function useRecordSaves<T extends Revisioned>(
  handle: string,
  items: T[],
  kind: RecordKind<T>,
  onChanged: (list: T[]) => void,
) {
  const [conflict, setConflict] = useState<T | null>(null);
  const latest = useRef(new Map<string, number | undefined>());
  const queues = useRef(new Map<string, Promise<unknown>>());
  const shown = useRef(items);
  useEffect(() => {
    shown.current = items;
    for (const i of items) latest.current.set(i.id, i.revision);
  }, [items]);

  /** Several refused edits of one record add up: each keeps what it changed from what was shown. */
  const refused = (item: T) =>
    setConflict((prev) => {
      if (!prev || prev.id !== item.id) return item;
      const base = shown.current.find((x) => x.id === item.id);
      const changed = Object.fromEntries(
        Object.entries(item).filter(([k, v]) => JSON.stringify(v) !== JSON.stringify(base?.[k as keyof T])),
      );
      return { ...prev, ...changed };
    });

  const took = (list: T[]) => {
    for (const i of list) latest.current.set(i.id, i.revision);
    onChanged(list);
    return list;
  };

  /** Saves `item` after any save of the same record in flight; resolves false when refused as stale. */
  const save = (item: T): Promise<boolean> => {
    const run = async () => {
      const revision = latest.current.has(item.id) ? latest.current.get(item.id) : item.revision;
      try {
        took(await kind.save({ ...item, revision }));
        return true;
      } catch (err) {
        if (err instanceof ApiError && err.code === 'CONFLICT') {
          refused({ ...item, revision });
          return false;
        }
        throw err;
      }
    };
    const next = (queues.current.get(item.id) ?? Promise.resolve()).then(run, run);
    queues.current.set(
      item.id,
      next.catch(() => undefined),
    );
    return next;
  };

  /** Deletes with the revision seen; if the record changed meanwhile, shows the other version instead. */
  const remove = async (item: T): Promise<boolean> => {
    try {
      took(await kind.remove(item.id, latest.current.get(item.id) ?? item.revision));
      return true;
    } catch (err) {
      if (err instanceof ApiError && err.code === 'CONFLICT') {
        took(await kind.fetch());
      }
      throw err;
    }
  };

  const keepMine = async () => {
    if (!conflict) return;
    await api.createSnapshot({
      handle,
      name: snapshotName(t('conference:record.snapshotTheirs', { name: kind.name(conflict) })),
    });
    const current = (await kind.fetch()).find((x) => x.id === conflict.id);
    took(await kind.save({ ...conflict, revision: current?.revision }));
    setConflict(null);
  };

  const useTheirs = async () => {
    if (!conflict) return;
    const current = (await kind.fetch()).find((x) => x.id === conflict.id);
    // Mine is written first and kept in a snapshot; then theirs is put back.
    const withMine = await kind.save({ ...conflict, revision: current?.revision });
    await api.createSnapshot({
      handle,
      name: snapshotName(t('conference:record.snapshotMine', { name: kind.name(conflict) })),
    });
    const revision = withMine.find((x) => x.id === conflict.id)?.revision;
    took(current ? await kind.save({ ...current, revision }) : await kind.remove(conflict.id, revision));
    setConflict(null);
  };

  return { conflict, save, remove, keepMine, useTheirs };
}
