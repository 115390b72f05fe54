/**
 * The number formats of ordered lists, declared once: the schema of a document, the
 * template schema, the editor (state parsing, inspector, CSS data attribute) and every
 * exporter take them from here. The seeds use 1.  1)  a.  (a)  i.  (i)  I.  A.
 */
import { z } from 'zod';
import { toAlpha, toRoman } from '../templates/numbering';

export const NUMBER_FORMATS = [
  'decimal',
  'decimal-paren',
  'lower-alpha',
  'lower-alpha-paren',
  'lower-roman',
  'lower-roman-paren',
  'upper-roman',
  'upper-alpha',
] as const;
export const NumberFormatEnum = z.enum(NUMBER_FORMATS);
export type NumberFormat = (typeof NUMBER_FORMATS)[number];

export const isNumberFormat = (v: unknown): v is NumberFormat =>
  typeof v === 'string' && (NUMBER_FORMATS as readonly string[]).includes(v);

/** The label of item `n` of an ordered list: "4.", "4)", "d.", "(d)", "iv.", "(iv)", "IV.", "D.". */
export function listLabel(n: number, format: NumberFormat): string {
  switch (format) {
    case 'decimal':
      return `${n}.`;
    case 'decimal-paren':
      return `${n})`;
    case 'lower-alpha':
      return `${toAlpha(n)}.`;
    case 'lower-alpha-paren':
      return `(${toAlpha(n)})`;
    case 'lower-roman':
      return `${toRoman(n).toLowerCase()}.`;
    case 'lower-roman-paren':
      return `(${toRoman(n).toLowerCase()})`;
    case 'upper-roman':
      return `${toRoman(n)}.`;
    case 'upper-alpha':
      return `${toAlpha(n).toUpperCase()}.`;
  }
}

/** UN sub-paragraph labels by depth: (a) → (i) → a. → i. */
export const SUBPARAGRAPH_FORMATS: readonly NumberFormat[] = [
  'lower-alpha-paren',
  'lower-roman-paren',
  'lower-alpha',
  'lower-roman',
];
