/**
 * "Bring in returned kits": the editors' desk merges rapporteurs' kits into the conference.
 *
 * The model is per record (part, participant): a kit's record changed when its content hash
 * differs from the one the kit was made with (or from what the desk last took from this
 * kit); the desk's changed when its revision or hash moved on since. Changed only in the kit
 * is taken, changed on both sides is a conflict left for the editor, and everything the kit
 * may not change is refused, with the kit's version kept in the merge log. The comparison
 * works on ids, revisions and hashes only, so the same service can later run over records
 * arriving through a connection instead of a file.
 */
import path from 'node:path';
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { AppError } from '../../../shared/errors';
import type { Participant } from '../../../shared/model/conference';
import type { KitMergeResult, MergeEntry, MergeReport } from '../../../shared/kits/kit-report';
import { ConferenceStore, type ConferenceContent, newId } from '../store/conference-store';
import { kitMessages, type Said } from './kit-messages';
import {
  agendaHash,
  conferenceIdOf,
  fold,
  identityKey,
  kitIdentityOf,
  kitInfo,
  type KitIdentity,
  metaHash,
  participantHash,
  partHash,
} from './kit-identity';

interface ReadyKit {
  file: string;
  kit: KitIdentity;
  content: ConferenceContent;
  fingerprint: string;
}
type Examined = { ready: ReadyKit } | { result: KitMergeResult };

interface LogRow {
  subject: string;
  subject_id: string | null;
  decision: string;
  detail: string;
  kit_hash: string | null;
  result_revision: number | null;
  at: string;
}

const fingerprintOf = (kit: KitIdentity, c: ConferenceContent): string =>
  createHash('sha256')
    .update(
      JSON.stringify([
        kit.kitId,
        c.parts.map((p) => [p.id, partHash(p)]),
        c.participants.map((p) => [p.id, participantHash(p)]),
        agendaHash(c.agenda),
        metaHash(c.meta),
      ]),
    )
    .digest('hex');

/** An entry's words: the English message, and the catalogue key and values when it has them (a log row written before keys has none). */
const said = (w: Partial<Said> & { message: string }): Pick<MergeEntry, 'message' | 'key' | 'values'> =>
  w.key ? { message: w.message, key: w.key, values: w.values ?? {} } : { message: w.message };

/** A kit's outcome in words: a merge message, or why the file could not be read (the errors catalogue's key). */
const kitMessageOf = (why: Said | AppError): Pick<KitMergeResult, 'message' | 'messageKey' | 'messageValues'> =>
  why instanceof AppError
    ? {
        message: why.message,
        ...(why.key
          ? {
              messageKey: `errors:${why.key}`,
              messageValues: Object.fromEntries(Object.entries(why.values ?? {}).map(([k, v]) => [k, String(v)])),
            }
          : {}),
      }
    : { message: why.message, messageKey: why.key, messageValues: why.values };

/** Opens a kit without writing to it and checks it belongs to this conference. */
function examine(desk: ConferenceStore, file: string): Examined {
  const name = path.basename(file);
  const refuse = (why: Said | AppError, kit: KitIdentity | null = null): Examined => ({
    result: { file: name, outcome: 'refused', ...kitMessageOf(why), kit: kit && kitInfo(kit), entries: [] },
  });
  if (path.resolve(file) === desk.file) return refuse(kitMessages.sameFile(file));
  let kitStore: ConferenceStore;
  try {
    kitStore = ConferenceStore.open(path.resolve(file), { readOnly: true });
  } catch (err) {
    if (err instanceof AppError) return refuse(err);
    throw err;
  }
  try {
    const kit = kitIdentityOf(kitStore);
    if (!kit) return refuse(kitMessages.notAKit(file));
    if (kit.conferenceId !== conferenceIdOf(desk)) {
      return refuse(kitMessages.otherConference(file, kit.conferenceTitle, desk.getMeta().meta.title), kit);
    }
    const content = kitStore.readContent();
    return { ready: { file: name, kit, content, fingerprint: fingerprintOf(kit, content) } };
  } finally {
    kitStore.close();
  }
}

/** Rewrites references to participants (person references, speakers) from the kit's ids to the desk's. */
function remapParticipants<T>(value: T, ids: Map<string, string>): T {
  if (ids.size === 0 || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map((v) => remapParticipants(v, ids)) as T;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    if (k === 'participantId' && typeof v === 'string') out[k] = ids.get(v) ?? v;
    else if (k === 'speakerIds' && Array.isArray(v))
      out[k] = v.map((id) => (typeof id === 'string' ? (ids.get(id) ?? id) : id));
    else out[k] = remapParticipants(v, ids);
  }
  return out as T;
}

class KitMerge {
  readonly entries: MergeEntry[] = [];
  private readonly who: string;
  private readonly at = new Date().toISOString();

  constructor(
    private readonly desk: ConferenceStore,
    private readonly db: Database.Database,
    private readonly r: ReadyKit,
  ) {
    this.who = r.kit.rapporteur;
  }

  private record(
    entry: MergeEntry,
    extra: { detail?: Record<string, unknown>; kitHash?: string; resultRevision?: number } = {},
  ): void {
    this.entries.push(entry);
    const row = this.db
      .prepare(`INSERT INTO merge_log (at, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail, kit_hash, result_revision)
      VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`)
      .run(
        this.at,
        this.r.kit.kitId,
        this.who,
        this.r.fingerprint,
        entry.subject,
        entry.id,
        entry.decision,
        JSON.stringify({
          title: entry.title,
          message: entry.message,
          key: entry.key,
          values: entry.values,
          ...extra.detail,
        }),
        extra.kitHash ?? null,
        extra.resultRevision ?? null,
      );
    if (entry.decision === 'conflict' && entry.subject === 'part') entry.conflictId = Number(row.lastInsertRowid);
  }

  /** What the desk last took (or found already in) from this kit for a record. */
  private lastTake(subject: string, id: string): { kitHash: string; revision: number; deskHash: string } | null {
    const row = this.db
      .prepare(`SELECT kit_hash, result_revision, detail FROM merge_log WHERE kit_id = ? AND subject = ? AND subject_id = ?
      AND decision IN ('taken', 'already-in', 'resolved') ORDER BY id DESC LIMIT 1`)
      .get(this.r.kit.kitId, subject, id) as LogRow | undefined;
    if (!row || row.kit_hash === null || row.result_revision === null) return null;
    const d = JSON.parse(row.detail) as { deskHash?: string; keep?: 'desk' | 'kit' | 'edited' };
    // After the editor kept the desk's text (or an edit of both) over this kit's, any later change in the kit
    // meets it again as a conflict: the rapporteur drafts on from their own text, which lacks the desk's.
    return {
      kitHash: row.kit_hash,
      revision: row.result_revision,
      deskHash: d.keep === 'desk' || d.keep === 'edited' ? '' : (d.deskHash ?? ''),
    };
  }

  /** The desk's id for a participant this kit added, from an earlier merge of it. */
  private earlierMapping(id: string): string | null {
    const row = this.db
      .prepare(`SELECT detail FROM merge_log WHERE kit_id = ? AND subject = 'participant' AND subject_id = ?
      AND decision IN ('added', 'matched', 'conflict') ORDER BY id DESC LIMIT 1`)
      .get(this.r.kit.kitId, id) as { detail: string } | undefined;
    return row ? ((JSON.parse(row.detail) as { deskId?: string }).deskId ?? null) : null;
  }

  /** Participants first, so the parts taken refer to the desk's entries. Returns kit id → desk id. */
  participants(): Map<string, string> {
    const m = kitMessages.participant;
    const ids = new Map<string, string>();
    const desk = new Map(this.desk.listParticipants().map((p) => [p.id, p]));
    const byIdentity = new Map([...desk.values()].map((p) => [identityKey(p), p]));
    const inKit = new Set<string>();
    for (const kp of this.r.content.participants) {
      inKit.add(kp.id);
      const entry = (decision: MergeEntry['decision'], why: Said): MergeEntry => ({
        subject: 'participant',
        id: kp.id,
        title: kp.name,
        decision,
        ...said(why),
      });
      const baseHash = this.r.kit.base.participants[kp.id];
      const kitHash = participantHash(kp);
      if (baseHash !== undefined) {
        const last = this.lastTake('participant', kp.id);
        if (kitHash === (last?.kitHash ?? baseHash)) continue;
        const cur = desk.get(kp.id);
        if (!cur) {
          this.record(entry('refused', m.deletedAtDesk), { detail: { kit: kp } });
          continue;
        }
        const curHash = participantHash(cur);
        const deskUnchanged = last ? cur.revision === last.revision && curHash === last.deskHash : curHash === baseHash;
        if (curHash === kitHash) {
          this.record(entry('already-in', kitMessages.part.alreadyIn), {
            kitHash,
            resultRevision: cur.revision,
            detail: { deskHash: curHash },
          });
        } else if (deskUnchanged) {
          const revision = this.desk.saveParticipant({ ...kp, revision: cur.revision });
          this.record(entry('taken', m.taken(this.who)), {
            kitHash,
            resultRevision: revision,
            detail: { deskHash: kitHash },
          });
        } else {
          this.record(entry('conflict', m.conflict(this.who)), { detail: { kit: kp } });
        }
        continue;
      }
      // New in the kit: the same person may be in the registry already (spelled another way, or from another kit).
      const earlier = this.earlierMapping(kp.id);
      if (earlier && desk.has(earlier)) {
        ids.set(kp.id, earlier);
        continue;
      }
      const match = byIdentity.get(identityKey(kp));
      if (match) {
        ids.set(kp.id, match.id);
        const fields = (['honorific', 'title', 'country', 'group', 'role'] as const).filter(
          (f) => kp[f].trim() && match[f].trim() && fold(kp[f]) !== fold(match[f]),
        );
        this.record(
          fields.length ? entry('conflict', m.differs(match.name, fields)) : entry('matched', m.matched(match.name)),
          { detail: { deskId: match.id, kit: kp } },
        );
        continue;
      }
      const id = desk.has(kp.id) ? newId() : kp.id;
      const added: Participant = { ...kp, id, revision: undefined };
      delete added.revision;
      this.desk.saveParticipant(added);
      desk.set(id, added);
      byIdentity.set(identityKey(added), added);
      ids.set(kp.id, id);
      this.record(entry('added', m.added), { detail: { deskId: id } });
    }
    for (const id of Object.keys(this.r.kit.base.participants)) {
      const cur = desk.get(id);
      if (!inKit.has(id) && cur)
        this.record({
          subject: 'participant',
          id,
          title: cur.name,
          decision: 'refused',
          ...said(m.removedInKit(this.who)),
        });
    }
    return ids;
  }

  parts(ids: Map<string, string>): void {
    const m = kitMessages.part;
    const assigned = new Set(this.r.kit.assignedPartIds);
    const desk = new Map(this.desk.listParts().map((p) => [p.id, p]));
    const inKit = new Set<string>();
    for (const kp of this.r.content.parts) {
      inKit.add(kp.id);
      const entry = (decision: MergeEntry['decision'], why: Said): MergeEntry => ({
        subject: 'part',
        id: kp.id,
        title: kp.title,
        decision,
        ...said(why),
      });
      const base = this.r.kit.base.parts[kp.id];
      const incoming = { ...kp, doc: remapParticipants(kp.doc, ids) };
      const keep = { kit: { title: kp.title, status: kp.status, doc: incoming.doc } };
      if (!base) {
        this.record(entry('refused', m.addedInKit(this.who)), { detail: { ...keep, parentId: kp.parentId } });
        continue;
      }
      const kitHash = partHash(kp);
      const last = this.lastTake('part', kp.id);
      if (kitHash === (last?.kitHash ?? base.hash)) continue;
      if (!assigned.has(kp.id)) {
        this.record(entry('refused', m.notAssigned(this.who)), { detail: keep });
        continue;
      }
      if (!desk.has(kp.id)) {
        this.record(entry('refused', m.deletedAtDesk(this.who)), { detail: keep });
        continue;
      }
      const cur = this.desk.getPart(kp.id);
      const curHash = partHash(cur);
      const deskUnchanged = last
        ? cur.revision === last.revision && curHash === last.deskHash
        : cur.revision === base.revision && curHash === base.hash;
      if (curHash === partHash(incoming)) {
        this.record(entry('already-in', m.alreadyIn), {
          kitHash,
          resultRevision: cur.revision,
          detail: { deskHash: curHash },
        });
      } else if (deskUnchanged) {
        let saved = this.desk.savePartDoc(kp.id, incoming.doc, cur.revision);
        if (incoming.title !== cur.title || incoming.status !== cur.status)
          saved = this.desk.updatePart(kp.id, { title: incoming.title, status: incoming.status });
        this.record(entry('taken', m.taken(this.who)), {
          kitHash,
          resultRevision: saved.revision,
          detail: { deskHash: partHash(this.desk.getPart(kp.id)) },
        });
      } else {
        this.record(entry('conflict', m.conflict(this.who)), {
          kitHash,
          detail: { ...keep, deskRevision: cur.revision },
        });
      }
    }
    for (const id of Object.keys(this.r.kit.base.parts)) {
      const cur = desk.get(id);
      if (!inKit.has(id) && cur)
        this.record({ subject: 'part', id, title: cur.title, decision: 'refused', ...said(m.deletedInKit(this.who)) });
    }
  }

  /** The programme and the conference details are the desk's: a kit's changes are reported and kept, not taken. */
  rest(): void {
    const { content, kit } = this.r;
    if (agendaHash(content.agenda) !== kit.base.agenda) {
      this.record(
        {
          subject: 'programme',
          id: null,
          title: 'Programme',
          decision: 'refused',
          ...said(kitMessages.programme(this.who)),
        },
        { detail: { kit: content.agenda } },
      );
    }
    if (metaHash(content.meta) !== kit.base.meta) {
      this.record(
        {
          subject: 'details',
          id: null,
          title: 'Conference details',
          decision: 'refused',
          ...said(kitMessages.details(this.who)),
        },
        { detail: { kit: content.meta } },
      );
    }
  }

  /** Marks the kit, exactly as it is, as brought in (a second merge of it changes nothing). */
  finish(): KitMergeResult {
    this.db
      .prepare(`INSERT INTO merge_log (at, kit_id, rapporteur, fingerprint, subject, subject_id, decision, detail)
      VALUES (?, ?, ?, ?, 'kit', NULL, 'merged', ?)`)
      .run(this.at, this.r.kit.kitId, this.who, this.r.fingerprint, JSON.stringify({ file: this.r.file }));
    return { file: this.r.file, outcome: 'merged', kit: kitInfo(this.r.kit), entries: this.entries };
  }
}

/** How a conflict (its log row) was decided, in words (with their catalogue key), or null while it waits. */
export function resolutionOf(
  db: Database.Database,
  conflictId: number,
): Pick<MergeEntry, 'message' | 'key' | 'values'> | null {
  const row = db
    .prepare(
      `SELECT detail FROM merge_log WHERE decision = 'resolved' AND json_extract(detail, '$.conflictId') = ? ORDER BY id DESC LIMIT 1`,
    )
    .get(conflictId) as { detail: string } | undefined;
  return row ? said(JSON.parse(row.detail) as Partial<Said> & { message: string }) : null;
}

/** The result of an earlier merge of exactly this kit, or null. */
function earlierMerge(db: Database.Database, r: ReadyKit): KitMergeResult | null {
  const rows = db
    .prepare(`SELECT id, subject, subject_id, decision, detail, at FROM merge_log WHERE kit_id = ? AND fingerprint = ?
    AND decision != 'resolved' ORDER BY id`)
    .all(r.kit.kitId, r.fingerprint) as (LogRow & { id: number })[];
  if (rows.length === 0) return null;
  const entries: MergeEntry[] = rows
    .filter((row) => row.subject !== 'kit')
    .map((row) => {
      const d = JSON.parse(row.detail) as Partial<Said> & { title: string; message: string };
      const entry: MergeEntry = {
        subject: row.subject as MergeEntry['subject'],
        id: row.subject_id,
        title: d.title,
        decision: row.decision as MergeEntry['decision'],
        ...said(d),
      };
      if (entry.decision !== 'conflict' || entry.subject !== 'part') return entry;
      const decided = resolutionOf(db, row.id);
      return decided ? { ...entry, decision: 'resolved', ...decided } : { ...entry, conflictId: row.id };
    });
  return {
    file: r.file,
    outcome: 'already-merged',
    ...kitMessageOf(kitMessages.alreadyMerged(rows[0]!.at)),
    kit: kitInfo(r.kit),
    entries,
  };
}

/**
 * Brings returned kits into the desk's conference, in the order given, in one transaction:
 * a snapshot first, then every decision applied and logged, or (on an unexpected failure)
 * nothing at all. Kits that cannot be brought in are refused one by one, with the reason.
 */
export function mergeKits(desk: ConferenceStore, kitFiles: string[]): MergeReport {
  if (kitFiles.length === 0) throw kitMessages.noKits;
  const own = kitIdentityOf(desk);
  if (own) throw kitMessages.kitOfKit(own.rapporteur);
  const examined = kitFiles.map((f) => examine(desk, f));
  const results: KitMergeResult[] = [];
  let snapshotId: number | null = null;
  desk.writeWith((db) => {
    const todo: { index: number; ready: ReadyKit }[] = [];
    examined.forEach((e, index) => {
      if ('result' in e) {
        results[index] = e.result;
        return;
      }
      const earlier = earlierMerge(db, e.ready);
      if (earlier) results[index] = earlier;
      else todo.push({ index, ready: e.ready });
    });
    if (todo.length === 0) return;
    snapshotId = desk.createSnapshot(
      desk.autoSnapshotName('beforeMerge', { names: [...new Set(todo.map((t) => t.ready.kit.rapporteur))] }),
      'before-merge',
    ).id;
    for (const { index, ready } of todo) {
      const merge = new KitMerge(desk, db, ready);
      merge.parts(merge.participants());
      merge.rest();
      results[index] = merge.finish();
    }
  });
  // What this run did; a kit merged before repeats its report, and its conflicts still wait.
  const now = results.filter((r) => r.outcome === 'merged').flatMap((r) => r.entries);
  const count = (entries: MergeEntry[], d: MergeEntry['decision']) => entries.filter((e) => e.decision === d).length;
  return {
    snapshotId,
    kits: results,
    taken: count(now, 'taken') + count(now, 'added'),
    conflicts: count(
      results.flatMap((r) => r.entries),
      'conflict',
    ),
    refused: count(now, 'refused') + results.filter((r) => r.outcome === 'refused').length,
  };
}
