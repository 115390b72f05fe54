import { z } from 'zod';

/**
 * How a heading or list label is written at one level. `prefix`/`suffix` wrap the counter:
 * "Unit " + I + "." ; "(" + a + ")".
 */
export const NumberFormatSchema = z.object({
  style: z.enum(['none', 'decimal', 'lower-alpha', 'upper-alpha', 'lower-roman', 'upper-roman']),
  prefix: z.string().max(20),
  suffix: z.string().max(10),
});
export type LabelFormat = z.infer<typeof NumberFormatSchema>;

export function toRoman(n: number): string {
  if (n <= 0 || n >= 4000) return String(n);
  const table: [number, string][] = [
    [1000, 'M'],
    [900, 'CM'],
    [500, 'D'],
    [400, 'CD'],
    [100, 'C'],
    [90, 'XC'],
    [50, 'L'],
    [40, 'XL'],
    [10, 'X'],
    [9, 'IX'],
    [5, 'V'],
    [4, 'IV'],
    [1, 'I'],
  ];
  let out = '';
  for (const [v, s] of table)
    while (n >= v) {
      out += s;
      n -= v;
    }
  return out;
}

export function toAlpha(n: number): string {
  let out = '';
  while (n > 0) {
    n -= 1;
    out = String.fromCharCode(97 + (n % 26)) + out;
    n = Math.floor(n / 26);
  }
  return out;
}

export function formatCounter(n: number, style: LabelFormat['style']): string {
  switch (style) {
    case 'none':
      return '';
    case 'decimal':
      return String(n);
    case 'lower-alpha':
      return toAlpha(n);
    case 'upper-alpha':
      return toAlpha(n).toUpperCase();
    case 'lower-roman':
      return toRoman(n).toLowerCase();
    case 'upper-roman':
      return toRoman(n);
  }
}

export function formatLabel(n: number, fmt: LabelFormat): string {
  if (fmt.style === 'none') return '';
  return `${fmt.prefix}${formatCounter(n, fmt.style)}${fmt.suffix}`;
}
