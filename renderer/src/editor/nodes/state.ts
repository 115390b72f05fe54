/**
 * NodeState of the report (shared/model/doc-nodes.ts). Stock list and table nodes carry
 * our additions in Lexical's `$` bag; our own nodes keep their fields flat at the top of
 * their JSON. Every state defaults to "absent" so a value written by the importer
 * (even one equal to a sensible default, like 'decimal') survives a round trip.
 */
import { createState } from 'lexical';
import { LIST_ROLES } from '../../../../shared/elements/list';
import { NUMBER_FORMATS } from '../../../../shared/elements/number-formats';

const optionalString = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const oneOf =
  <T extends string>(values: readonly T[]) =>
  (v: unknown): T | undefined =>
    typeof v === 'string' && (values as readonly string[]).includes(v) ? (v as T) : undefined;

export const numberFormatState = createState('numberFormat', { parse: oneOf(NUMBER_FORMATS) });
export const listRoleState = createState('role', { parse: oneOf(LIST_ROLES) });
export const addresseeState = createState('addressee', { parse: optionalString });
export const themeState = createState('theme', { parse: optionalString });
export const explicitValueState = createState('explicitValue', { parse: (v) => (v === true ? true : undefined) });
export const tableRoleState = createState('role', { parse: oneOf(['plain', 'recommendations'] as const) });

export { NUMBER_FORMATS, LIST_ROLES };

// ---- flat fields of our own nodes ----

const stringArray = (v: unknown): string[] =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : [];
const sameArray = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
const text = (v: unknown): string => (typeof v === 'string' ? v : '');

export const speakerIdsState = createState('speakerIds', { parse: stringArray, isEqual: sameArray });
export const namesState = createState('names', { parse: stringArray, isEqual: sameArray });
export const attributionState = createState('attribution', { parse: text });
export const delegationState = createState('delegation', { parse: text });
export const labelState = createState('label', { parse: text });
export const noteTextState = createState('text', { parse: text });
/** A footnote's rich body (runs and links, shared/elements/footnote.ts); empty for a note of plain text. */
export const noteBodyState = createState('children', {
  parse: (v): Record<string, unknown>[] =>
    Array.isArray(v)
      ? v.filter((x): x is Record<string, unknown> => typeof x === 'object' && x !== null && !Array.isArray(x))
      : [],
  isEqual: (a, b) => a === b || JSON.stringify(a) === JSON.stringify(b),
});
/** A footnote's stable name, for cross-references to it (absent until one is made). */
export const noteIdState = createState('id', { parse: text });
export const noteRefTargetState = createState('noteId', { parse: text });
export const participantIdState = createState('participantId', { parse: text });
export const personNameState = createState('name', { parse: text });
/** Bold (1) and italic (2) of a cited name, as Lexical's text format bits; 0 is left out of the JSON. */
export const personFormatState = createState('format', {
  parse: (v) => (typeof v === 'number' && Number.isInteger(v) && v > 0 && v < 4 ? v : 0),
});
export const srcState = createState('src', { parse: text });
export const captionState = createState('caption', { parse: text });
export const sourceState = createState('source', { parse: text });
export const altState = createState('alt', { parse: text });
