import type { AgendaItem, ConferenceMeta, LexicalDoc, Participant, WarningPlace } from '../model/conference';
import type { DocNode } from '../model/doc-nodes';
import {
  importWarningText,
  type ImportWarningKey,
  type WarningText,
  type WarningValues,
} from '../i18n/import-warnings';
import { doc } from './nodes';
import { sameListedPerson } from './people-match';

/** A part built by the importer: one instance of a template section. */
export interface ImportedPart {
  id: string;
  kind: string;
  title: string;
  doc: LexicalDoc;
  children: ImportedPart[];
  /** Source line of the part's heading (1-based), for warnings and tests. */
  line: number | null;
}

export interface WarningDraft {
  partId: string | null;
  line: number | null;
  code: string;
  /** In English: the command line's default, and what files from before the catalogue show. */
  message: string;
  /** The catalogued message (shared/i18n/messages/…/importWarnings.json), shown in the reader's language. */
  key?: ImportWarningKey;
  values?: WarningValues;
  suggestion: { find: string; replace: string } | null;
  /** The words of the part's text the warning concerns (set where raised, or found by placeWarningsInText). */
  quote?: string | null;
  /** The top-level block of the part's document holding the quote. */
  block?: number | null;
  /** Where the editor shows it (found by placeWarningsInText). */
  place?: WarningPlace | null;
  /** The registry entry a participant warning concerns. */
  participantId?: string | null;
}

/** What an import produces, before anything is written. */
export interface ImportResult {
  templateId: string;
  /** How the template was chosen: given by the caller, detected, or the fallback. */
  templateSource: 'given' | 'detected' | 'fallback';
  meta: Partial<ConferenceMeta>;
  parts: ImportedPart[];
  participants: Participant[];
  agenda: AgendaItem[];
  warnings: WarningDraft[];
}

/** Deterministic ids, so that rebuilding a sample gives the same file content. */
export class IdMaker {
  private n = 0;
  constructor(private readonly prefix: string) {}
  next(): string {
    this.n += 1;
    return `${this.prefix}${String(this.n).padStart(4, '0')}`;
  }
  copy(): IdMaker {
    const c = new IdMaker(this.prefix);
    c.n = this.n;
    return c;
  }
}

/** Collects parts, warnings and the registry while a parser walks the source. */
export class ImportContext {
  readonly warnings: WarningDraft[] = [];
  readonly parts: ImportedPart[] = [];
  readonly agenda: AgendaItem[] = [];
  people = new PeopleRegistry();
  private partIds = new IdMaker('part');
  private agendaIds = new IdMaker('agenda');
  meta: Partial<ConferenceMeta> = {};

  /**
   * A warning: a key of the importWarnings catalogue and its values, so that it reads in the user's
   * language; its English text is kept as the message (the command line's default, warning places).
   */
  warn(
    line: number | null,
    code: string,
    text: WarningText,
    opts: { partId?: string | null; suggestion?: { find: string; replace: string }; quote?: string } = {},
  ): void {
    const values = text.values ?? {};
    this.warnings.push({
      partId: opts.partId ?? null,
      line,
      code,
      message: importWarningText({ key: text.key, values }, 'en'),
      key: text.key,
      values,
      suggestion: opts.suggestion ?? null,
      quote: opts.quote ?? null,
    });
  }

  /** Adds a part under `parent` (or at the top) and returns it; its body is set later with setDoc. */
  part(
    parent: ImportedPart | null,
    kind: string,
    title: string,
    line: number | null,
    body: DocNode[] = [],
  ): ImportedPart {
    const p: ImportedPart = { id: this.partIds.next(), kind, title, doc: doc(body), children: [], line };
    (parent ? parent.children : this.parts).push(p);
    return p;
  }

  agendaItem(item: Omit<AgendaItem, 'id' | 'position'>): AgendaItem {
    const a: AgendaItem = { ...item, id: this.agendaIds.next(), position: this.agenda.length };
    this.agenda.push(a);
    return a;
  }

  result(templateId: string, templateSource: ImportResult['templateSource']): ImportResult {
    return {
      templateId,
      templateSource,
      meta: this.meta,
      parts: this.parts,
      participants: this.people.list(),
      agenda: this.agenda,
      warnings: this.warnings,
    };
  }

  /**
   * A context holding a copy of everything read so far, sharing nothing with this one: a text read
   * once is fitted to several templates, each fitting changing its own copy (importTextIntoEach).
   */
  copy(): ImportContext {
    const c = new ImportContext();
    const data = structuredClone({
      warnings: this.warnings,
      parts: this.parts,
      agenda: this.agenda,
      meta: this.meta,
      people: this.people.entries(),
    });
    c.warnings.push(...data.warnings);
    c.parts.push(...data.parts);
    c.agenda.push(...data.agenda);
    c.meta = data.meta;
    c.people = this.people.copy(data.people);
    c.partIds = this.partIds.copy();
    c.agendaIds = this.agendaIds.copy();
    return c;
  }
}

export const setDoc = (p: ImportedPart, body: DocNode[]): void => {
  p.doc = doc(body);
};

const HONORIFIC = /^(?:Mr|Mrs|Ms|Miss|Dr|Prof|H\.E|Amb|Sr|Sra|Srta|Dra)\.?\s+/i;

/** Honorific ("Ms.") and name ("Anna di Mattia") of a person as written. */
export function splitHonorific(raw: string): { honorific: string; name: string } {
  const m = raw.trim().match(HONORIFIC);
  if (!m) return { honorific: '', name: raw.trim() };
  const h = m[0].trim();
  return { honorific: h.endsWith('.') ? h : `${h}.`, name: raw.trim().slice(m[0].length).trim() };
}

/** Key under which two spellings of the same person meet ("Ms. Di Mattia" = "Anna di Mattia" is not merged: different keys). */
export const personKey = (name: string): string =>
  splitHonorific(name)
    .name.normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();

/** The participants registry being built: one entry per person, found again by name. */
export class PeopleRegistry {
  private byKey = new Map<string, Participant>();
  private ids = new IdMaker('person');

  /** Adds a person or completes the existing entry of that name; returns the id. */
  add(p: {
    name: string;
    honorific?: string;
    title?: string;
    organisation?: string;
    country?: string;
    group?: string;
    role?: string;
  }): string {
    const split = splitHonorific(p.name);
    const name = split.name;
    const key = `${personKey(name)}|${p.group ?? ''}|${p.country ?? ''}`;
    // A person named in the text (no group yet) and found again in the list of participants is one entry.
    const ungrouped = `${personKey(name)}||`;
    const lookupKey =
      p.group || p.country ? (this.byKey.has(ungrouped) ? ungrouped : key) : (this.findKey(name) ?? key);
    const existing = this.byKey.get(lookupKey);
    if (existing) {
      for (const f of ['honorific', 'title', 'organisation', 'country', 'group', 'role'] as const) {
        const v = f === 'honorific' ? (p.honorific ?? split.honorific) : p[f];
        if (!existing[f] && v) existing[f] = v.slice(0, 500);
      }
      return existing.id;
    }
    const entry: Participant = {
      id: this.ids.next(),
      honorific: (p.honorific ?? split.honorific).slice(0, 50),
      name: name.slice(0, 300),
      title: (p.title ?? '').slice(0, 500),
      organisation: (p.organisation ?? '').slice(0, 500),
      country: (p.country ?? '').slice(0, 200),
      group: (p.group ?? '').slice(0, 300),
      role: (p.role ?? '').slice(0, 200),
    };
    this.byKey.set(lookupKey, entry);
    return entry.id;
  }

  private listedIds = new Set<string>();

  /**
   * An entry of a list of participants, which is authoritative for the person's group,
   * delegation, role, title and organisation. The same person named earlier in the text
   * (spelt alike, or as the OCR garbled it: sameListedPerson) becomes this entry; a
   * person listed a second time keeps the first entry (`again`).
   */
  addListed(p: { name: string; title: string; organisation: string; country: string; group: string; role: string }): {
    id: string;
    again: boolean;
  } {
    const split = splitHonorific(p.name);
    const k = personKey(split.name);
    for (const e of this.byKey.values())
      if (this.listedIds.has(e.id) && personKey(e.name) === k) return { id: e.id, again: true };
    const named = [...this.byKey.values()].find(
      (e) =>
        !this.listedIds.has(e.id) &&
        !e.group &&
        !e.country &&
        (personKey(e.name) === k || sameListedPerson(e.name, split.name)),
    );
    if (named) {
      Object.assign(named, {
        title: p.title.slice(0, 500),
        organisation: p.organisation.slice(0, 500),
        country: p.country.slice(0, 200),
        group: p.group.slice(0, 300),
        role: p.role.slice(0, 200),
      });
      if (!named.honorific && split.honorific) named.honorific = split.honorific;
      // The list's spelling when it is the fuller one ("Carlos Ernesto Orlando Bonet" for "Carlos Orlando").
      // Not when the list only splits a word the text has whole ("Incal caterra"), unless the text fused two ("SoniaMontafio").
      const fused = /\p{Ll}\p{Lu}/u.test(named.name);
      if (
        split.name.split(' ').length > named.name.split(' ').length &&
        (fused || personKey(split.name).replace(/ /g, '') !== personKey(named.name).replace(/ /g, ''))
      )
        named.name = split.name.slice(0, 300);
      this.listedIds.add(named.id);
      return { id: named.id, again: false };
    }
    const id = this.add(p);
    this.listedIds.add(id);
    return { id, again: false };
  }

  private findKey(name: string): string | undefined {
    const k = personKey(name);
    for (const key of this.byKey.keys()) if (key.startsWith(`${k}|`)) return key;
    return undefined;
  }

  find(name: string): Participant | undefined {
    const k = this.findKey(name);
    return k ? this.byKey.get(k) : undefined;
  }

  list(): Participant[] {
    return [...this.byKey.values()];
  }

  /** The entries under their keys, for ImportContext.copy to clone with the parts that name them. */
  entries(): Map<string, Participant> {
    return this.byKey;
  }

  /** A registry of `entries` (a clone of this one's), numbering on from where this one is. */
  copy(entries: Map<string, Participant>): PeopleRegistry {
    const c = new PeopleRegistry();
    c.byKey = entries;
    c.ids = this.ids.copy();
    c.listedIds = new Set(this.listedIds);
    return c;
  }

  /** Puts these entries first, in this order (the order of the list of participants); the rest follow. */
  orderFirst(ids: string[]): void {
    const rank = new Map<string, number>();
    ids.forEach((id, i) => {
      if (!rank.has(id)) rank.set(id, i);
    });
    const entries = [...this.byKey.entries()].sort(
      ([, a], [, b]) => (rank.get(a.id) ?? Infinity) - (rank.get(b.id) ?? Infinity),
    );
    this.byKey.clear();
    for (const [k, v] of entries) this.byKey.set(k, v);
  }
}
