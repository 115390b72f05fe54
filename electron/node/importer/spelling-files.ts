/**
 * The text of a spelling dictionary package (`dictionary-en`…: index.aff and index.dic), read
 * from node_modules when run from source. The app's bundles replace this module with one that
 * holds the text (embedDictionariesPlugin in build/scripts/bundle-options.mjs).
 */
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { DictionaryFiles } from '../../../shared/import/spelling';

export function dictionaryPackageFiles(name: string): DictionaryFiles {
  // The packages export only their Node loader (index.js): the files sit beside it.
  const dir = path.dirname(createRequire(import.meta.url).resolve(name));
  return {
    aff: fs.readFileSync(path.join(dir, 'index.aff'), 'utf8'),
    dic: fs.readFileSync(path.join(dir, 'index.dic'), 'utf8'),
  };
}
