import type { Participant } from '../../../shared/model/conference';
import { foldKey } from '../../../shared/i18n/fold';

export type ParticipantFields = Omit<Participant, 'id' | 'revision'>;

/** Column names in English, Spanish and French, matched without accents or case ("PAÍS", "pais"). */
const HEADER_ALIASES: Record<keyof ParticipantFields, RegExp> = {
  honorific: /^(honorific|salutation|prefix|title of address|mr\/ms|tratamiento|titulo de cortesia|civilite|appellation)$/,
  name: /^(name|full name|participant|participante|nom|nom complet|nombre|nombre completo|nombre y apellido|nombres? y apellidos?|prenom et nom|nom et prenom)$/,
  title: /^(title|position|function|job title|cargo|puesto|funcion|fonction|poste|titre)$/,
  organisation: /^(organi[sz]ation|org|institution|agency|organismo|organizacion|institucion|entidad|agence|organisme)$/,
  country: /^(country|country or group|delegation|pais|delegacion|pays)$/,
  group: /^(group|category|section|grupo|categoria|seccion|groupe|categorie)$/,
  role: /^(role|capacity|rol|papel|calidad|en calidad de|qualite|en qualite de)$/,
};

const columnOf = (header: string): keyof ParticipantFields | null =>
  (Object.keys(HEADER_ALIASES) as (keyof ParticipantFields)[]).find((k) => HEADER_ALIASES[k].test(foldKey(header))) ?? null;
/** Column order assumed when the first row is not a header. */
const DEFAULT_ORDER: (keyof ParticipantFields)[] = ['name', 'title', 'organisation', 'country', 'role'];

/** Splits one line of CSV (quotes, doubled quotes) or of a pasted spreadsheet (tabs). */
export function splitRow(line: string, delimiter: string): string[] {
  if (delimiter === '\t') return line.split('\t').map((c) => c.trim());
  const out: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (quoted) {
      if (ch === '"' && line[i + 1] === '"') { cell += '"'; i++; }
      else if (ch === '"') quoted = false;
      else cell += ch;
    } else if (ch === '"' && cell.trim() === '') { quoted = true; cell = ''; }
    else if (ch === delimiter) { out.push(cell.trim()); cell = ''; }
    else cell += ch;
  }
  out.push(cell.trim());
  return out;
}

function guessDelimiter(lines: string[]): string {
  const sample = lines.slice(0, 5).join('\n');
  const counts = ['\t', ';', ','].map((d) => [d, sample.split(d).length - 1] as const);
  return counts.sort((a, b) => b[1] - a[1])[0]![1] > 0 ? counts[0]![0] : ',';
}

/**
 * Participants from CSV or a table pasted from a spreadsheet or a Word table (tab-separated).
 * A first row naming the columns ("Name, Title, Organisation, Country, Role") is honoured in
 * any order; otherwise columns are name, title, organisation, country or group, role.
 */
export function parseParticipantTable(text: string): ParticipantFields[] {
  return readParticipantTable(text).rows;
}

/** The rows, and the header's columns that name no field of the registry (reported to the user, not imported). */
export function readParticipantTable(text: string): { rows: ParticipantFields[]; unknownColumns: string[] } {
  const lines = text.replace(/\r\n?/g, '\n').split('\n').filter((l) => l.trim() !== '');
  if (!lines.length) return { rows: [], unknownColumns: [] };
  const delimiter = guessDelimiter(lines);
  const rows = lines.map((l) => splitRow(l, delimiter));
  const header = rows[0]!.map(columnOf);
  const hasHeader = header.includes('name');
  const columns = hasHeader ? header : DEFAULT_ORDER;
  const out: ParticipantFields[] = [];
  for (const row of hasHeader ? rows.slice(1) : rows) {
    const p: ParticipantFields = { honorific: '', name: '', title: '', organisation: '', country: '', group: '', role: '' };
    row.forEach((cell, i) => { const key = columns[i]; if (key) p[key] = cell.slice(0, 300); });
    if (!hasHeader) {
      // "Ms. Ana Ruiz" in the name column: keep the honorific apart.
      const m = p.name.match(/^(Mr\.?|Mrs\.?|Ms\.?|Dr\.?|H\.E\.|Prof\.?|Sr\.?|Sra\.?)\s+(.+)$/);
      if (m) { p.honorific = m[1]!; p.name = m[2]!; }
    }
    if (p.name.trim()) out.push(p);
  }
  const unknownColumns = hasHeader ? rows[0]!.filter((h, i) => h.trim() && !header[i]) : [];
  return { rows: out, unknownColumns };
}
