import type { Participant } from '../../../shared/model/conference';
import { AppError } from '../../../shared/errors';
import { foldKey } from '../../../shared/i18n/fold';
import { appError } from '../../../shared/i18n/app-error';

export type ParticipantFields = Omit<Participant, 'id' | 'revision'>;
export type ParticipantField = keyof ParticipantFields;

/** The registry's fields in the order the panel shows them, with their column names. */
export const PARTICIPANT_FIELDS: readonly [ParticipantField, string][] = [
  ['honorific', 'Hon.'],
  ['name', 'Name'],
  ['title', 'Title'],
  ['organisation', 'Organisation'],
  ['country', 'Country'],
  ['group', 'Group'],
  ['role', 'Role'],
];

/** Column names in English, Spanish and French, matched without accents or case ("PAÍS", "pais"). */
const HEADER_ALIASES: Record<ParticipantField, RegExp> = {
  honorific:
    /^(honorific|salutation|prefix|title of address|mr\/ms|tratamiento|titulo de cortesia|civilite|appellation)$/,
  name: /^(name|full name|participant|participante|nom|nom complet|nombre|nombre completo|nombre y apellido|nombres? y apellidos?|prenom et nom|nom et prenom)$/,
  title: /^(title|position|function|job title|cargo|puesto|funcion|fonction|poste|titre)$/,
  organisation:
    /^(organi[sz]ation|org|institution|agency|organismo|organizacion|institucion|entidad|agence|organisme)$/,
  country: /^(country|country or group|delegation|pais|delegacion|pays)$/,
  group: /^(group|category|section|grupo|categoria|seccion|groupe|categorie)$/,
  role: /^(role|capacity|rol|papel|calidad|en calidad de|qualite|en qualite de)$/,
};

/** The field a column name stands for, or null. */
export const fieldOfHeader = (header: string): ParticipantField | null =>
  (Object.keys(HEADER_ALIASES) as ParticipantField[]).find((k) => HEADER_ALIASES[k].test(foldKey(header))) ?? null;

/** Column order assumed when the first row is not a header. */
const DEFAULT_ORDER: ParticipantField[] = ['name', 'title', 'organisation', 'country', 'role'];

/** A list of participants is a few hundred lines; more than this is not one. */
export const MAX_TABLE_BYTES = 2_000_000;
export const MAX_ROWS = 5000;
const MAX_CELL = 300;

/**
 * The text of a file chosen as a table of participants. A file that is not text (NUL
 * bytes, invalid UTF-8, control characters) is refused with a message rather than read
 * as garbage names; UTF-16 with a byte-order mark (Excel's "Unicode text") is read.
 */
export function decodeTableFile(bytes: Uint8Array, fileName: string): string {
  if (bytes.length > MAX_TABLE_BYTES) {
    throw appError('INVALID_INPUT', 'participants.tooLarge', {
      name: fileName,
      size: Math.round(bytes.length / 1e6),
      max: MAX_TABLE_BYTES / 1e6,
    });
  }
  const notText = () => appError('INVALID_INPUT', 'participants.notText', { name: fileName });
  let text: string;
  try {
    if (bytes[0] === 0xff && bytes[1] === 0xfe) text = new TextDecoder('utf-16le', { fatal: true }).decode(bytes);
    else if (bytes[0] === 0xfe && bytes[1] === 0xff) text = new TextDecoder('utf-16be', { fatal: true }).decode(bytes);
    else {
      if (bytes.includes(0)) throw notText();
      text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
    }
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw appError('INVALID_INPUT', 'participants.notUtf8', { name: fileName });
  }
  // Tabs, line breaks and form feeds belong in text; other control characters mean binary data.
  if (hasControlCharacters(text)) throw notText();
  return text;
}

function hasControlCharacters(text: string): boolean {
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c < 0x20 ? c < 0x09 || c > 0x0d : c === 0x7f) return true;
  }
  return false;
}

/** Splits one line of CSV (quotes, doubled quotes) or of a pasted spreadsheet (tabs). */
export function splitRow(line: string, delimiter: string): string[] {
  return splitRecords(line, delimiter)[0] ?? [''];
}

/** Records of delimited text; a quoted cell may hold the delimiter, doubled quotes and line breaks. */
function splitRecords(text: string, delimiter: string): string[][] {
  const records: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  const endCell = () => {
    row.push(cell.trim());
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) endCell();
    else if (ch === '\n') {
      endCell();
      records.push(row);
      row = [];
    } else cell += ch;
  }
  endCell();
  records.push(row);
  return records;
}

function guessDelimiter(lines: string[]): string {
  const sample = lines.slice(0, 5).join('\n');
  const counts = ['\t', ';', ','].map((d) => [d, sample.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

/** A table read from CSV or a paste, before it becomes participants. */
export interface ParticipantTable {
  /** The first row's cells: the columns' names when `hasHeader`. */
  firstRow: string[];
  /** Whether the first row names the columns (detected; the user may say otherwise). */
  hasHeader: boolean;
  /** Every row, the first included, each as wide as the widest. */
  cells: string[][];
  width: number;
}

/** One field per column at most: null leaves a column out. */
export type ColumnMapping = (ParticipantField | null)[];

/**
 * Reads CSV or a table pasted from a spreadsheet or a Word table (tab-separated). A first
 * row naming a name column, in English, Spanish or French, is taken as the header.
 */
export function readTable(text: string): ParticipantTable {
  const normalised = text.replace(/^\uFEFF/, '').replace(/\r\n?/g, '\n');
  const delimiter = guessDelimiter(normalised.split('\n').filter((l) => l.trim() !== ''));
  const records = splitRecords(normalised, delimiter).filter((r) => r.some((c) => c !== ''));
  if (records.length > MAX_ROWS + 1) {
    throw appError('INVALID_INPUT', 'participants.tooManyRows', { rows: records.length, max: MAX_ROWS });
  }
  const width = Math.max(0, ...records.map((r) => r.length));
  const cells = records.map((r) => [...r, ...Array<string>(width - r.length).fill('')]);
  const firstRow = cells[0] ?? [];
  return { firstRow, hasHeader: firstRow.map(fieldOfHeader).includes('name'), cells, width };
}

/**
 * The field each column fills: from the header's names, else (no header, or one naming no
 * field) the usual order; a field named twice fills the first column only.
 */
export function detectMapping(table: ParticipantTable, hasHeader = table.hasHeader): ColumnMapping {
  const named = hasHeader ? table.firstRow.map(fieldOfHeader) : [];
  const guessed = named.some(Boolean) ? named : Array.from({ length: table.width }, (_, i) => DEFAULT_ORDER[i] ?? null);
  return guessed.map((f, i) => (f && guessed.indexOf(f) === i ? f : null));
}

/** Sets column `index` to `field`; a column that had that field before gives it up. */
export function remap(mapping: ColumnMapping, index: number, field: ParticipantField | null): ColumnMapping {
  return mapping.map((f, i) => (i === index ? field : f === field ? null : f));
}

/** Columns that name no field: their header (or "Column 3") and an example value, reported to the user. */
export function unmappedColumns(
  table: ParticipantTable,
  mapping: ColumnMapping,
  hasHeader = table.hasHeader,
): string[] {
  const data = hasHeader ? table.cells.slice(1) : table.cells;
  return mapping.flatMap((f, i) => {
    if (f || !data.some((r) => r[i])) return [];
    return [hasHeader && table.firstRow[i] ? table.firstRow[i]! : `Column ${i + 1}`];
  });
}

/** The participants the table gives with this mapping, as they will be added; rows without a name are left out. */
export function participantsOf(
  table: ParticipantTable,
  mapping: ColumnMapping,
  hasHeader = table.hasHeader,
): ParticipantFields[] {
  const out: ParticipantFields[] = [];
  for (const row of hasHeader ? table.cells.slice(1) : table.cells) {
    const p: ParticipantFields = {
      honorific: '',
      name: '',
      title: '',
      organisation: '',
      country: '',
      group: '',
      role: '',
    };
    row.forEach((cell, i) => {
      const key = mapping[i];
      if (key) p[key] = cell.slice(0, MAX_CELL);
    });
    if (!mapping.includes('honorific')) {
      // "Ms. Ana Ruiz" in the name column: keep the honorific apart.
      const m = p.name.match(/^(Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.E\.|Prof\.?|Sr\.?|Sra\.?|Mme)\s+(.+)$/);
      if (m) {
        p.honorific = m[1]!;
        p.name = m[2]!;
      }
    }
    p.honorific = p.honorific.slice(0, 50);
    if (p.name.trim()) out.push(p);
  }
  return out;
}

/** The same person whatever the accents or case ("Maria Perez" of IOM is "María Pérez" of IOM). */
export const personKey = (p: { name: string; organisation: string }): string =>
  `${foldKey(p.name)}|${foldKey(p.organisation)}`;

/** The rows and the header's columns that name no field, with the mapping detected. */
export function readParticipantTable(text: string): { rows: ParticipantFields[]; unknownColumns: string[] } {
  const table = readTable(text);
  const mapping = detectMapping(table);
  return {
    rows: participantsOf(table, mapping),
    unknownColumns: table.hasHeader ? unmappedColumns(table, mapping) : [],
  };
}
