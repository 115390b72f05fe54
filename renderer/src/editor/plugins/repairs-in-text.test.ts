import { expect, test } from 'vitest';
import type { ImportWarning } from '../../../../shared/model/conference';
import { repairsInText } from './repairs-in-text';

let next = 1;
const repair = (find: string, status: ImportWarning['status'] = 'open'): ImportWarning => ({
  id: next++,
  partId: 'part0002',
  line: 3,
  code: 'OCR_REPAIR',
  message: `“${find}” looks damaged`,
  suggestion: { find, replace: `${find}x` },
  status,
  quote: find,
  block: 0,
});

test('a repair concerns a text that holds its damaged word as a whole word, exact case', () => {
  const socia = repair('socia');
  const internationa = repair('internationa');
  const Regiona = repair('Regiona');
  const text = 'The social and internationa aspects.\nregiona cooperation; socia-economic';
  const found = repairsInText(text, [socia, internationa, Regiona]);
  // “socia-economic” holds socia as a word; “social” would not; “regiona” is not “Regiona”.
  expect([...found].sort()).toEqual([socia.id, internationa.id].sort());
  expect(repairsInText('The social aspects', [socia]).size).toBe(0);
});

test('a repair of several words or with a symbol is found as findQuote finds it', () => {
  const spaced = repair('organi zations');
  const piped = repair('|ess');
  const found = repairsInText('civil organi zations, |ess often', [spaced, piped]);
  expect(found).toEqual(new Set([spaced.id, piped.id]));
  expect(repairsInText('civil organi zationsin', [spaced]).size).toBe(0);
});

test('dismissed and accepted repairs, and warnings that are not repairs, concern no text', () => {
  const gone = repair('socia', 'dismissed');
  const done = repair('socia', 'accepted');
  const plain: ImportWarning = { ...repair('socia'), suggestion: null };
  expect(repairsInText('socia', [gone, done, plain]).size).toBe(0);
});

test('words with accents and digits are whole words (Mufioz, 10M)', () => {
  const name = repair('Mufioz');
  const iom = repair('10M');
  const accented = repair('Comisién');
  const found = repairsInText('Ms. Mufioz of 10M and the Comisién; not Mufiozes or 210M', [name, iom, accented]);
  expect(found).toEqual(new Set([name.id, iom.id, accented.id]));
  expect(repairsInText('Mufiozes 210M Comisiéns', [name, iom, accented]).size).toBe(0);
});
