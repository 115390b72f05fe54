/**
 * A kit's identity and the fingerprints the merge compares: a part or participant is
 * "changed" when its content hash differs from the one recorded when the kit was made.
 * Everything here is plain data (ids, revisions, hashes), so the same comparison can later
 * run on records that arrive over a connection instead of in a file.
 */
import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import type { AgendaItem, ConferenceMeta, Participant } from '../../../shared/model/conference';
import type { FullPart } from '../store/conference-store';
import type { ConferenceStore } from '../store/conference-store';
import type { KitInfo } from '../../../shared/kits/kit-report';
import { foldKey } from '../../../shared/i18n/fold';

const sha = (value: unknown): string => createHash('sha256').update(JSON.stringify(value)).digest('hex');

/** What a rapporteur can change in a part: its title, status and text (not who it is assigned to). */
export const partHash = (p: Pick<FullPart, 'title' | 'status' | 'doc'>): string => sha([p.title, p.status, p.doc]);

export const participantHash = (p: Participant): string =>
  sha([p.honorific, p.name, p.title, p.organisation, p.country, p.group, p.role]);

export const agendaHash = (items: AgendaItem[]): string => sha(items.map(({ revision: _r, ...rest }) => rest));

export const metaHash = (meta: ConferenceMeta): string => sha(meta);

/** Accents, case and spacing do not make a different person: "José PÉREZ" is "jose perez" (the app's one fold). */
export const fold = foldKey;

/** A participant's identity in the registry: name and organisation, folded. */
export const identityKey = (p: Pick<Participant, 'name' | 'organisation'>): string =>
  `${fold(p.name)}\u0000${fold(p.organisation)}`;

/** What the kit's conference was like when the kit was made. */
export interface KitBase {
  parts: Record<string, { revision: number; hash: string }>;
  participants: Record<string, string>;
  agenda: string;
  meta: string;
}

export interface KitIdentity extends KitInfo {
  base: KitBase;
}

/** The conference's own id (every kit of it carries the same). */
export function conferenceIdOf(store: ConferenceStore): string {
  return store.readWith(
    (db) =>
      (db.prepare("SELECT value FROM meta WHERE key = 'conference_id'").get() as { value: string } | undefined)
        ?.value ?? '',
  );
}

interface KitRow {
  id: string;
  conference_id: string;
  rapporteur: string;
  assigned: string;
  base: string;
  base_version: string;
  created_at: string;
}

export function readKitRow(db: Database.Database, conferenceTitle: string): KitIdentity | null {
  const row = db
    .prepare('SELECT id, conference_id, rapporteur, assigned, base, base_version, created_at FROM kit LIMIT 1')
    .get() as KitRow | undefined;
  if (!row) return null;
  return {
    kitId: row.id,
    conferenceId: row.conference_id,
    conferenceTitle,
    rapporteur: row.rapporteur,
    assignedPartIds: JSON.parse(row.assigned) as string[],
    base: JSON.parse(row.base) as KitBase,
    baseVersion: row.base_version,
    createdAt: row.created_at,
  };
}

/** The kit identity of an open conference, or null for an editor's conference. */
export function kitIdentityOf(store: ConferenceStore): KitIdentity | null {
  return store.readWith((db) => readKitRow(db, store.getMeta().meta.title));
}

export function writeKitRow(db: Database.Database, kit: KitIdentity): void {
  db.prepare('DELETE FROM kit').run();
  db.prepare(
    'INSERT INTO kit (id, conference_id, rapporteur, assigned, base, base_version, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
  ).run(
    kit.kitId,
    kit.conferenceId,
    kit.rapporteur,
    JSON.stringify(kit.assignedPartIds),
    JSON.stringify(kit.base),
    kit.baseVersion,
    kit.createdAt,
  );
}

/** The kit's public description (without the base fingerprints). */
export const kitInfo = ({ base: _b, ...info }: KitIdentity): KitInfo => info;
