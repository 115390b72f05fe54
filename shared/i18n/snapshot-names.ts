import { documentLanguage } from './document-terms';
import { translator } from './translate';

/**
 * The names Rapporteur gives the snapshots it takes by itself (before a replace, a restore, an
 * import, a merge; a kit's starting version). A name is stored in the file, beside the user's
 * own names, so it is written in the conference's language, as the documents are: everyone who
 * opens the file reads the same name.
 */
export interface SnapshotNameValues {
  beforeReplace: { query: string; replacement: string };
  beforeRepair: { find: string; replace: string };
  beforeRestore: { name: string };
  beforeImport: { source: string };
  beforeMerge: { names: string[] };
  kitVersion: { name: string };
}

/** The contract's bound on a snapshot's name. */
const MAX_NAME = 200;
const QUOTED_MAX = 60;

export function snapshotName<K extends keyof SnapshotNameValues>(
  key: K,
  values: SnapshotNameValues[K],
  languageTag: string | undefined,
): string {
  const language = documentLanguage(languageTag);
  const words: Record<string, string> = {};
  for (const [name, value] of Object.entries(values) as [string, string | string[]][]) {
    words[name] = Array.isArray(value)
      ? new Intl.ListFormat(language, { type: 'conjunction' }).format(value)
      : value.slice(0, QUOTED_MAX);
  }
  return String(translator(language)(`conference:snapshots.auto.${key}` as never, words)).slice(0, MAX_NAME);
}
