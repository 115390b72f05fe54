/**
 * OCR repair on seed 000's own text (an OCR'd book): the systematic damage is found with the
 * Hunspell dictionaries, each distinct repair once with its count, and no real word is touched.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findOcrRepairs } from '../../../shared/import/ocr-repair';
import {
  dictionaryFor,
  guessSpellingLanguage,
  provideDictionaryFiles,
  type WordList,
} from '../../../shared/import/spelling';
import { toLines } from '../../../shared/import/source';
import { dictionaryPackageFiles } from './spelling-files';

provideDictionaryFiles(dictionaryPackageFiles);
const dictionary = (language: 'en' | 'es'): WordList => dictionaryFor(language)!;

const seedDir = path.resolve(__dirname, '../../../seeds/source');
const seed000 = fs.readFileSync(path.join(seedDir, fs.readdirSync(seedDir).find((f) => f.startsWith('000_'))!), 'utf8');
const en = dictionary('en');

describe('OCR repair with the English dictionary', () => {
  const repairs = findOcrRepairs(toLines(seed000), en, dictionary('es'));
  const byFrom = new Map(repairs.map((r) => [r.from, r]));

  it('finds the dropped letters of seed 000 with the counts grep gives (grep -ow WORD | wc -l)', () => {
    const expected: [string, string, number][] = [
      ['internationa', 'international', 29],
      ['Internationa', 'International', 6],
      ['socia', 'social', 29],
      ['nationa', 'national', 19],
      ['aso', 'also', 45],
      ['lega', 'legal', 13],
      ['Regiona', 'Regional', 5],
      ['politica', 'political', 2],
    ];
    for (const [from, to, count] of expected) expect(byFrom.get(from), from).toMatchObject({ from, to, count });
  });

  it('finds split words, fused words and stray symbols', () => {
    const pick = (kind: string) => repairs.filter((r) => r.kind === kind).map((r) => [r.from, r.to, r.count]);
    expect(pick('split')).toEqual(
      expect.arrayContaining([
        ['M oder ator', 'Moderator', 4],
        ['Repr esentative', 'Representative', 27],
        ['devel opment', 'development', 1],
      ]),
    );
    expect(pick('fused')).toEqual(
      expect.arrayContaining([
        ['thisis', 'this is', 1],
        ['isthat', 'is that', 1],
        ['theright', 'the right', 2],
      ]),
    );
    expect(pick('stray-symbol')).toEqual(
      expect.arrayContaining([
        ['|abour', 'labour', 3],
        ['peopl€e', 'people', 1],
      ]),
    );
  });

  it('leaves names and Spanish quotations alone', () => {
    // "del" (37 times, "Defensoría del Pueblo"), a name ("Camila" is not "Camilla"), British spellings.
    for (const word of ['del', 'Camila', 'Barra', 'labour', 'programme', 'offences', 'Centre'])
      expect(byFrom.has(word), word).toBe(false);
  });

  it('offers each repair once and never repairs a word the dictionary knows', () => {
    expect(new Set(repairs.map((r) => r.from)).size).toBe(repairs.length);
    for (const r of repairs) {
      if (r.kind === 'known-form') continue; // names and acronyms no dictionary holds
      expect(
        r.from.split(' ').every((w) => en.knows(w)),
        `${r.from} is not all known words`,
      ).toBe(false);
      expect(
        r.to.split(' ').every((w) => en.knows(w)),
        `${r.to} is known`,
      ).toBe(true);
    }
    for (const word of ['International', 'international', 'social', 'also', 'development', 'Moderator'])
      expect(byFrom.has(word), word).toBe(false);
    // "genera" (7 times for "general") is a word (genus): the dictionary cannot call it damaged.
    expect(byFrom.has('genera')).toBe(false);
    expect(repairs.some((r) => /Internationall|lll/i.test(r.to))).toBe(false);
  });

  it('leaves alone the words a repair would make wrong (issue 12: precision on the seed)', () => {
    // "Consul Genera del Peri en Chile" and "COMISION ECONOMICA PARA AMERICA LATINA Y EL CARIBE" are Spanish
    // lines; "per capita" is Latin; "trand ated" is one broken word, not "a ted"; "wel comed" is "welcomed".
    for (const word of ['Peri', 'ECONOMICA', 'capita', 'ated', 'wel']) expect(byFrom.has(word), word).toBe(false);
    expect(byFrom.get('wel comed')).toMatchObject({ to: 'welcomed', kind: 'split', count: 1 });
    // The same rules on one line each, without the seed.
    const one = (text: string) =>
      findOcrRepairs([{ n: 1, text }], en, dictionary('es')).map((r) => `${r.from}→${r.to}`);
    expect(one('Marco Melgar, Consul General del Peri en Chile')).toEqual([]);
    expect(one('Differences in per capita income; the human capita of the region')).toEqual([]);
    expect(one('They should be trand ated into treatments.')).toEqual([]);
    expect(one('The socia rights of migrants and their socia status.')).toEqual(['socia→social']);
  });

  it('suggests nothing in correct text', () => {
    const clean =
      'The International Organization for Migration and the social and political development of national law also apply in general.';
    expect(findOcrRepairs([{ n: 1, text: clean }], en)).toEqual([]);
  });
});

describe('the Spanish dictionary', () => {
  it('repairs a dropped letter in Spanish text and leaves a real Spanish word alone ("socia" is one)', () => {
    const text = 'La cooperación internaciona y la ley naciona; la cooperación internacional y la socia del proyecto.';
    expect(guessSpellingLanguage(text)).toBe('es');
    const repairs = findOcrRepairs([{ n: 1, text }], dictionary('es'));
    expect(repairs.map((r) => [r.from, r.to, r.count])).toEqual([
      ['internaciona', 'internacional', 1],
      ['naciona', 'nacional', 1],
    ]);
  });
});
