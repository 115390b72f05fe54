import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import type { CliIo } from './io';

export type Values = Record<string, string | boolean | undefined>;

/** What a command gets besides its arguments: where to write, and how to resolve a path. */
export interface Context {
  io: CliIo;
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
    out: (s) => {
      io.stdout.write(line(s));
    },
    note: (s) => {
      io.stderr.write(line(s));
    },
    file: (p) => path.resolve(io.cwd, p),
  };
}

/** The arguments themselves are wrong (exit 2), as opposed to a file or a service refusing them (exit 1). */
export class UsageError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'UsageError';
  }
}

/** A command's implementation, loaded only when that command runs. */
export interface CommandModule {
  /** Returns the exit code, or -1 for a command that keeps running (serve). */
  run(values: Values, positionals: string[], cx: Context): Promise<number>;
}

export interface CommandSpec {
  /** Arguments as shown in the usage, after the command's name. */
  synopsis: string;
  summary: string;
  options: NonNullable<ParseArgsConfig['options']>;
  load(): Promise<CommandModule>;
}

export function onlyPositional(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new UsageError(`expected exactly one ${what}, got ${positionals.length}.`);
  return positionals[0]!;
}

export function noPositionals(positionals: string[]): void {
  if (positionals.length) throw new UsageError(`unexpected argument “${positionals[0]}”.`);
}

/** An option that takes a value, or undefined when it is absent. */
export function stringOption(values: Values, name: string): string | undefined {
  const v = values[name];
  return typeof v === 'string' ? v : undefined;
}

export function conferenceOutput(values: Values): string {
  const output = stringOption(values, 'output');
  if (output === undefined) throw new UsageError('missing -o <file.rapporteur>.');
  if (!output.endsWith('.rapporteur')) throw new UsageError('the output file name must end in .rapporteur.');
  return output;
}
