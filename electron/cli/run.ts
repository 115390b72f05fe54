/**
 * The command line as a function: `run(argv, io)` parses the arguments, runs one command
 * and answers with an exit status. It never exits the process and never prints a stack
 * trace for what the user can fix, so the tests run it in process.
 *
 * Exit status: 0 done; 1 a file, the conference or a service refused (the message names
 * the problem); 2 wrong arguments; 3 merged, but conflicts wait for the editor
 * (merge); 70 an unexpected error (a bug: one line, the stack
 * only with RAPPORTEUR_DEBUG=1); -1 the command keeps running (serve).
 */
import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { localizeError } from '../../shared/i18n/app-error';
import { type CommandName, commands, isCommand, summaryOf, synopsisOf, usage } from './commands';
import { type CliT, cliLanguage, cliTranslator, contextFor, UsageError, type Values } from './context';
import type { CliIo } from './io';

export const EXIT = { ok: 0, refused: 1, usage: 2, conflicts: 3, unexpected: 70, running: -1 } as const;

const MESSAGES = {
  commandHelp: (t: CliT, name: CommandName) =>
    `${t('cli:usage', { synopsis: synopsisOf(name, t) })}\n  ${summaryOf(name, t)}`,
  usageHint: (t: CliT, name: CommandName) => t('cli:usage', { synopsis: synopsisOf(name, t) }),
} as const;

/** What a system call's failure means, in words (the path it names follows). */
const SYSTEM_ERRORS = new Set([
  'ENOENT',
  'EACCES',
  'EPERM',
  'EISDIR',
  'ENOTDIR',
  'EROFS',
  'ENOSPC',
  'EEXIST',
  'EBUSY',
] as const);
type SystemCode = typeof SYSTEM_ERRORS extends Set<infer C> ? C : never;
const isSystemCode = (code: string | undefined): code is SystemCode => SYSTEM_ERRORS.has(code as SystemCode);

export async function run(argv: string[], io: CliIo): Promise<number> {
  const cx = contextFor(io);
  const t = cx.t;
  const [name, ...rest] = argv;
  if (name === '--help' || name === '-h' || name === 'help') {
    io.stdout.write(usage(t));
    return EXIT.ok;
  }
  if (!name) {
    io.stderr.write(usage(t));
    return EXIT.usage;
  }
  if (!isCommand(name)) {
    io.stderr.write(`${t('cli:unknownCommand', { name })}\n\n${usage(t)}`);
    return EXIT.usage;
  }
  const command = commands[name];
  const options = rest.includes('--') ? rest.slice(0, rest.indexOf('--')) : rest; // after --, all are arguments
  if (options.includes('--help') || options.includes('-h')) {
    cx.out(MESSAGES.commandHelp(t, name));
    return EXIT.ok;
  }
  try {
    const parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
    const impl = await command.load();
    return await impl.run(parsed.values as Values, parsed.positionals, cx);
  } catch (err) {
    return report(name, err, io);
  }
}

function report(name: CommandName, err: unknown, io: CliIo): number {
  const say = (s: string) => io.stderr.write(`${s}\n`);
  const t = cliTranslator(io.env);
  const usageProblem = err instanceof UsageError ? err.say(t) : parseArgsProblem(err, t);
  if (usageProblem !== null) {
    say(`rapporteur ${name}: ${usageProblem}`);
    say(MESSAGES.usageHint(t, name));
    return EXIT.usage;
  }
  if (err instanceof AppError) {
    say(`rapporteur ${name}: ${localizeError(err, cliLanguage(io.env))}`);
    return EXIT.refused;
  }
  const system = systemError(err, io);
  if (system) {
    say(`rapporteur ${name}: ${system}`);
    return EXIT.refused;
  }
  const message = err instanceof Error ? err.message : String(err);
  say(t('cli:unexpected', { name, message: message.split('\n')[0]! }));
  if (io.env.RAPPORTEUR_DEBUG === '1' && err instanceof Error && err.stack) say(err.stack);
  return EXIT.unexpected;
}

/**
 * A wrong option that node:util's parseArgs found, in the user's language; its message names the
 * option in quotes ("Unknown option '--bogus'"). Null when `err` is not one.
 */
function parseArgsProblem(err: unknown, t: CliT): string | null {
  const code = err instanceof Error ? (err as NodeJS.ErrnoException).code : undefined;
  if (!code?.startsWith('ERR_PARSE_ARGS_')) return null;
  const message = (err as Error).message;
  const quoted = /'([^']*)'/.exec(message)?.[1];
  if (quoted === undefined) return message;
  switch (code) {
    case 'ERR_PARSE_ARGS_UNKNOWN_OPTION':
      return t('cli:usageError.unknownOption', { option: quoted });
    case 'ERR_PARSE_ARGS_INVALID_OPTION_VALUE':
      // "Option '-o, --output <value>' argument missing": the option's long name, without its value.
      if (!message.endsWith('argument missing')) return message;
      return t('cli:usageError.missingValue', { option: quoted.replace(/ <value>$/, '').replace(/^-\w, /, '') });
    case 'ERR_PARSE_ARGS_UNEXPECTED_POSITIONAL':
      return t('cli:usageError.unexpectedPositional', { argument: quoted });
    default:
      return message;
  }
}

/** A failed read or write the user can act on (a missing folder, a read-only disk), in words. */
function systemError(err: unknown, io: CliIo): string | null {
  if (!(err instanceof Error)) return null;
  const t = cliTranslator(io.env);
  const e = err as NodeJS.ErrnoException;
  // mkdir answers EEXIST when a file stands where a folder of the path should be.
  const meaning =
    e.code === 'EEXIST' && e.syscall === 'mkdir'
      ? t('cli:system.fileInTheWay')
      : isSystemCode(e.code)
        ? t(`cli:system.${e.code}`)
        : undefined;
  if (meaning)
    return e.path
      ? t('cli:system.atPath', { path: e.path, meaning })
      : t('cli:system.withDetail', { meaning, detail: e.message });
  // better-sqlite3's errors carry SQLite's code: the file could not be read or written as asked.
  if (e.code?.startsWith('SQLITE_')) return t('cli:system.sqlite', { detail: e.message });
  return null;
}
