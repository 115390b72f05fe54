/** The importer's warnings (table `import_warnings`), each open, fixed or dismissed by the user. */
import type Database from 'better-sqlite3';
import { type ImportWarning, WarningPlace } from '../../../../shared/model/conference';
import { ImportWarningKeySchema, WarningValuesSchema } from '../../../../shared/i18n/import-warnings';

interface WarningRow {
  id: number;
  part_id: string | null;
  line: number | null;
  code: string;
  message: string;
  suggestion: string | null;
  status: string;
  quote: string | null;
  block: number | null;
  place: string | null;
  participant_id: string | null;
  message_key: string | null;
  message_values: string | null;
}

/** The catalogue key and values as stored; a key the catalogue no longer has, or bad values, leave the stored message. */
function catalogued(r: WarningRow): Pick<ImportWarning, 'key' | 'values'> {
  const key = r.message_key === null ? null : ImportWarningKeySchema.safeParse(r.message_key);
  if (!key?.success) return {};
  let values: unknown;
  try {
    values = JSON.parse(r.message_values ?? '{}');
  } catch {
    return {};
  }
  const parsed = WarningValuesSchema.safeParse(values);
  return parsed.success ? { key: key.data, values: parsed.data } : {};
}

const toWarning = (r: WarningRow): ImportWarning => ({
  id: r.id,
  partId: r.part_id,
  line: r.line,
  code: r.code,
  message: r.message,
  suggestion: r.suggestion ? (JSON.parse(r.suggestion) as { find: string; replace: string }) : null,
  status: r.status as ImportWarning['status'],
  quote: r.quote,
  block: r.block,
  // A place this version does not know (a newer file's) shows as the part as a whole.
  place: WarningPlace.safeParse(r.place).data ?? null,
  participantId: r.participant_id,
  ...catalogued(r),
});

export function listWarnings(db: Database.Database): ImportWarning[] {
  return (
    db
      .prepare(
        'SELECT id, part_id, line, code, message, suggestion, status, quote, block, place, participant_id, message_key, message_values FROM import_warnings ORDER BY id',
      )
      .all() as WarningRow[]
  ).map(toWarning);
}

export function addWarnings(db: Database.Database, warnings: Omit<ImportWarning, 'id' | 'status'>[]): void {
  const stmt = db.prepare(
    'INSERT INTO import_warnings (part_id, line, code, message, suggestion, quote, block, place, participant_id, message_key, message_values) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
  );
  for (const w of warnings)
    stmt.run(
      w.partId,
      w.line,
      w.code,
      w.message,
      w.suggestion ? JSON.stringify(w.suggestion) : null,
      w.quote ?? null,
      w.block ?? null,
      w.place ?? null,
      w.participantId ?? null,
      w.key ?? null,
      w.key ? JSON.stringify(w.values ?? {}) : null,
    );
}

export function setWarningStatus(db: Database.Database, id: number, status: ImportWarning['status']): void {
  db.prepare('UPDATE import_warnings SET status = ? WHERE id = ?').run(status, id);
}
