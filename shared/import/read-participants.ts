/**
 * Annex 3 of seed 000, "List of participants" (anatomy §1.1, §1.3): group ("A. Member
 * States …") > delegation or organisation (a heading in capitals, or in mixed case for
 * a few bodies) > role label ("Representante/Representative:") > one entry per person,
 * "Name, Title, Organisation". The OCR wrapped long entries over two lines (sometimes
 * with a blank line between), ran short ones together, and turned a comma into a full
 * stop; a line is a new entry only when it begins with what reads as a person's name.
 */
import type { ImportContext } from './result';
import type { BodyLine } from './ocr';
import { squash, trailingLetters } from './util';

/** Small words inside names ("Gladys Salcedo de Benites", "Alma Louise de Bode Olton"). */
const PARTICLES = new Set(['de', 'del', 'la', 'las', 'los', 'y', 'van', 'von', 'da', 'do', 'dos', 'di', 'le']);
/** Words a wrapped line ends on when the entry goes on. */
const CONNECTORS = new Set([
  'de',
  'del',
  'la',
  'las',
  'los',
  'y',
  'e',
  'en',
  'para',
  'of',
  'the',
  'and',
  'for',
  'in',
  'a',
  'al',
]);
const GROUP = /^([A-I])\.\s+(\S.*)$/;
/** A group heading whose letter the OCR lost (". Secretaria / Secretariat"). */
const UNLETTERED_GROUP = /^\.\s+(\S.*)$/;

/**
 * "Pedro Oyarce", "Alma Louise de Bode Olton", "Steve G. Foster": 2–7 words, capitalised
 * but for particles, with one odd word allowed after the first for the OCR's splits and
 * garbles ("Y ves Giovannoni", "Amérigo Incal caterra", "Luis Fidel Y &fiez"); or one word
 * the OCR fused ("XimenadelaBarra").
 */
export function readsAsName(s: string): boolean {
  const words = s.trim().split(' ');
  if (words.length === 1) return /^\p{Lu}\p{Ll}+(?:\p{Lu}\p{Ll}+)+$/u.test(words[0]!);
  if (words.length > 7) return false;
  let capitalised = 0;
  let odd = 0;
  for (const [k, w] of words.entries()) {
    if (PARTICLES.has(w)) continue;
    // Capitalised, digits allowed for the OCR's letters ("Marcos L6pez").
    if (/^\p{Lu}[\p{L}\d'’.-]*$/u.test(w)) {
      capitalised++;
      continue;
    }
    if (k === 0 || w.length < 3 || ++odd > 1) return false;
  }
  return capitalised >= 2;
}

/** The person's name at the head of a line: before the first comma, or before "Name. Title" when the comma became a full stop. */
function nameAtHead(t: string): { name: string; rest: string } | null {
  const comma = t.indexOf(',');
  if (comma > 0)
    return readsAsName(t.slice(0, comma)) ? { name: t.slice(0, comma).trim(), rest: t.slice(comma + 1).trim() } : null;
  const words = t.split(' ');
  // "Reynaldo F. Bajraj. Secretario Ejecutivo Adjunto": the first full stop after a word longer than an initial.
  for (let k = 1; k < Math.min(words.length - 1, 6); k++) {
    const w = words[k]!;
    if (w.endsWith('.') && w.length > 2 && /^\p{Lu}/u.test(words[k + 1]!)) {
      const name = [...words.slice(0, k), w.slice(0, -1)].join(' ');
      return readsAsName(name) ? { name, rest: words.slice(k + 1).join(' ') } : null;
    }
  }
  return words.length <= 4 && readsAsName(t) ? { name: t, rest: '' } : null;
}

/** True when the line above has not finished its entry (ends on a comma or a linking word, or the next line starts in lower case). */
function goesOn(above: string, next: string): boolean {
  return /,\s*$/.test(above) || CONNECTORS.has(trailingLetters(above).toLowerCase()) || /^[\p{Ll}(]/u.test(next);
}

const isCapsHeading = (t: string) => !/\p{Ll}/u.test(t) && /\p{Lu}{3}/u.test(t);
const isRoleLabel = (t: string) => {
  const label = t.replace(/\s+/g, '');
  return (
    (/:\s*$/.test(t) && t.length < 90 && !t.includes(',')) ||
    (/^(?:Repr?esent|Miembr)/i.test(label) && !t.includes(','))
  );
};
const roleOf = (t: string) => {
  const label = t.replace(/\s+/g, '');
  return /repr?esent/i.test(label)
    ? 'Representative'
    : /miembr|delegat/i.test(label)
      ? 'Delegation members'
      : (t.split('/').pop() ?? t).replace(/:\s*$/, '').trim();
};

export function readParticipants(lines: BodyLine[], ctx: ImportContext, partId: string | null): void {
  const listed: string[] = [];
  let group = '';
  let groupLetter = '';
  let country = '';
  let role = '';
  let entry: { text: string; n: number } | null = null;
  /** What the last non-blank line was, to join headings printed over several lines. */
  let last: 'group' | 'heading' | 'role' | 'entry' | 'none' = 'none';
  let blankBefore = false;
  /** Length of the entry's last line: a full line (about 95 characters and more) wrapped. */
  let lastLength = 0;
  const flush = () => {
    if (!entry) return;
    const head = nameAtHead(entry.text);
    if (!head) {
      ctx.warn(
        entry.n,
        'PARTICIPANT_UNREAD',
        { key: 'participantUnread', values: { text: entry.text.slice(0, 80) } },
        { partId },
      );
      entry = null;
      return;
    }
    const [title = '', ...org] = head.rest.split(/,\s*/);
    const r = ctx.people.addListed({
      name: head.name,
      title: title.trim(),
      organisation: org.join(', ').trim(),
      country,
      group,
      role,
    });
    if (r.again)
      ctx.warn(
        entry.n,
        'PARTICIPANT_LISTED_TWICE',
        { key: 'participantListedTwice', values: { name: head.name, group: group.slice(0, 60) } },
        { partId },
      );
    else listed.push(r.id);
    entry = null;
  };
  for (const l of lines) {
    const t = squash(l.text.replace(/<sup>\d+<\/sup>/g, ''));
    if (!t) {
      blankBefore = true;
      continue;
    }
    const afterBlank = blankBefore;
    blankBefore = false;
    const g = GROUP.exec(t) ?? UNLETTERED_GROUP.exec(t);
    if (g && !t.includes(',') && (g.length === 3 || last !== 'none')) {
      flush();
      let letter = g.length === 3 ? g[1]! : '';
      const title = g.length === 3 ? g[2]! : g[1]!;
      if (!letter) {
        // The letter the OCR dropped is the next one after the previous group's.
        letter = groupLetter ? String.fromCharCode(groupLetter.charCodeAt(0) + 1) : 'A';
        ctx.warn(
          l.n,
          'OCR_LABEL',
          { key: 'ocrLabel.group', values: { heading: t, letter, title } },
          {
            partId,
          },
        );
      }
      groupLetter = letter;
      group = `${letter}. ${title}`;
      country = '';
      role = '';
      last = 'group';
      continue;
    }
    // A group heading goes on over lines without commas ("… / United Nations" / "Secretariat").
    if (last === 'group' && !t.includes(',') && /\p{Ll}/u.test(t) && t.length < 100) {
      group = `${group} ${t}`;
      continue;
    }
    if (isRoleLabel(t)) {
      flush();
      role = roleOf(t);
      last = 'role';
      continue;
    }
    if (isCapsHeading(t)) {
      flush();
      // Headings in capitals printed over two lines (the Spanish and the English name) are one.
      country = last === 'heading' ? `${country} ${t}` : t;
      role = '';
      last = 'heading';
      continue;
    }
    const head = nameAtHead(t);
    // A line without a name at its head goes on the entry above, unless it stands after a blank line without a comma (a heading).
    const wrapped = entry !== null && !afterBlank && !t.includes(',') && lastLength >= 95;
    if (entry && (goesOn(entry.text, t) || wrapped || (!head && !(afterBlank && !t.includes(','))))) {
      entry.text += ` ${t}`;
      lastLength = t.length;
      continue;
    }
    lastLength = t.length;
    if (!head) {
      flush();
      // A heading in mixed case ("Sede Regional de la CEPAL para el Caribe" / "ECLAC Subregional Headquarters …").
      if (!t.includes(',') && t.length < 120) {
        country = last === 'heading' ? `${country} / ${t}` : t;
        role = '';
        last = 'heading';
        continue;
      }
      entry = { text: t, n: l.n };
      last = 'entry';
      continue;
    }
    flush();
    entry = { text: t, n: l.n };
    last = 'entry';
  }
  flush();
  // The registry follows the list of participants (people named only in the text come after).
  ctx.people.orderFirst(listed);
}
