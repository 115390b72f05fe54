import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { translator } from '../../shared/i18n/translate';
import { pickUiLanguage, posixLocaleLanguages, type UiLanguage } from '../../shared/i18n/ui-language';
import type { CliIo } from './io';

/** A translator into the command line's language. */
export type CliT = ReturnType<typeof translator>;

/** The command line speaks the language of the user's locale (LANGUAGE, LC_ALL, LC_MESSAGES, LANG), English by default. */
export const cliLanguage = (env: CliIo['env']): UiLanguage => pickUiLanguage(posixLocaleLanguages(env));
export const cliTranslator = (env: CliIo['env']): CliT => translator(cliLanguage(env));

export type Values = Record<string, string | boolean | undefined>;

/** What a command gets besides its arguments: where to write, and how to resolve a path. */
export interface Context {
  io: CliIo;
  /** The user's language (from the locale) and the catalogue's words in it (cli.json). */
  language: UiLanguage;
  t: CliT;
  /** One line (or block) to standard output. */
  out(text: string): void;
  /** One line to standard error: notes and warnings beside the output. */
  note(text: string): void;
  /** A path from the command line, resolved against the working folder. */
  file(p: string): string;
}

export function contextFor(io: CliIo): Context {
  const line = (s: string) => (s.endsWith('\n') ? s : `${s}\n`);
  return {
    io,
    language: cliLanguage(io.env),
    t: cliTranslator(io.env),
    out: (s) => {
      io.stdout.write(line(s));
    },
    note: (s) => {
      io.stderr.write(line(s));
    },
    file: (p) => path.resolve(io.cwd, p),
  };
}

/**
 * The arguments themselves are wrong (exit 2), as opposed to a file or a service refusing them (exit 1).
 * Its words are said in the user's language when reported; `message` holds them in English.
 */
export class UsageError extends Error {
  constructor(readonly say: (t: CliT) => string) {
    super(say(translator('en')));
    this.name = 'UsageError';
  }
}

/** `<file>` and the like in a synopsis, in the user's language ("<archivo>", "<fichier>"). */
const PLACEHOLDERS = ['command', 'options', 'file', 'id', 'tag', 'report', 'name', 'kit'] as const;
export function localSynopsis(synopsis: string, t: CliT): string {
  return synopsis.replace(/<(\w+)([.\w]*)>/g, (whole, word: string, rest: string) =>
    (PLACEHOLDERS as readonly string[]).includes(word)
      ? `<${t(`cli:placeholder.${word as (typeof PLACEHOLDERS)[number]}`)}${rest}>`
      : whole,
  );
}

/** A command's implementation, loaded only when that command runs. */
export interface CommandModule {
  /** Returns the exit code, or -1 for a command that keeps running (serve). */
  run(values: Values, positionals: string[], cx: Context): Promise<number>;
}

export interface CommandSpec {
  /** Arguments as shown in the usage, after the command's name. */
  synopsis: string;
  options: NonNullable<ParseArgsConfig['options']>;
  load(): Promise<CommandModule>;
}

export function onlyPositional(positionals: string[], what: 'conferenceFile' | 'fileToImport'): string {
  const n = positionals.length;
  if (n !== 1)
    throw new UsageError((t) =>
      what === 'conferenceFile'
        ? t('cli:usageError.oneConferenceFile', { n })
        : t('cli:usageError.oneFileToImport', { n }),
    );
  return positionals[0]!;
}

export function noPositionals(positionals: string[]): void {
  const argument = positionals[0];
  if (argument !== undefined) throw new UsageError((t) => t('cli:usageError.unexpectedArgument', { argument }));
}

/** An option that takes a value, or undefined when it is absent. */
export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function conferenceOutput(values: Values): string {
  const output = stringOption(values, 'output');
  if (output === undefined)
    throw new UsageError((t) =>
      t('cli:usageError.missingOutput', { option: localSynopsis('-o <file.rapporteur>', t) }),
    );
  if (!output.endsWith('.rapporteur')) throw new UsageError((t) => t('cli:usageError.outputExtension'));
  return output;
}
