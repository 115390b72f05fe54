/**
 * Every command: its usage and options, and its implementation behind a dynamic import,
 * so that `rapporteur info` never loads the Word writer, the importer or the server.
 */
import { type CliT, type CommandSpec, localSynopsis } from './context';

export const commands = {
  templates: {
    synopsis: '[--json]',
    options: { json: { type: 'boolean' } },
    load: () => import('./templates-command'),
  },
  new: {
    synopsis: '--template <id> -o <file> [--title T] [--language <tag>]',
    options: {
      template: { type: 'string' },
      output: { type: 'string', short: 'o' },
      title: { type: 'string' },
      language: { type: 'string' },
    },
    load: () => import('./new-command'),
  },
  info: {
    synopsis: '<file> [--json]',
    options: { json: { type: 'boolean' } },
    load: () => import('./info-command'),
  },
  import: {
    synopsis: '<report> -o <file> [--template id] [--json]',
    options: { output: { type: 'string', short: 'o' }, template: { type: 'string' }, json: { type: 'boolean' } },
    load: () => import('./import-command'),
  },
  export: {
    synopsis:
      '<file> [--docx F] [--pdf F] [--no-annexes] [--watermark] [--toc-pages] [--changes-since S [--author <name>]] [--comments | --no-comments]',
    options: {
      docx: { type: 'string' },
      pdf: { type: 'string' },
      'no-annexes': { type: 'boolean' },
      watermark: { type: 'boolean' },
      'toc-pages': { type: 'boolean' },
      'changes-since': { type: 'string' },
      author: { type: 'string' },
      comments: { type: 'boolean' },
      'no-comments': { type: 'boolean' },
    },
    load: () => import('./export-command'),
  },
  snapshot: {
    synopsis: '<file> --name <name> [--json]',
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    load: () => import('./snapshot-commands').then((m) => m.snapshot),
  },
  snapshots: {
    synopsis: '<file> [--json]',
    options: { json: { type: 'boolean' } },
    load: () => import('./snapshot-commands').then((m) => m.snapshots),
  },
  kit: {
    synopsis: '<file> --rapporteur <name> -o <kit> [--json]',
    options: { rapporteur: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
    load: () => import('./kit-commands').then((m) => m.kit),
  },
  merge: {
    synopsis: '<file> <kit>... [--json]',
    options: { json: { type: 'boolean' } },
    load: () => import('./kit-commands').then((m) => m.merge),
  },
  serve: {
    synopsis: '[<file>] [--port N]',
    options: { port: { type: 'string' } },
    load: () => import('./serve-command'),
  },
} satisfies Record<string, CommandSpec>;

export type CommandName = keyof typeof commands;
export const isCommand = (name: string): name is CommandName => Object.hasOwn(commands, name);

/** What a command does, in one line of the user's language. */
export const summaryOf = (name: CommandName, t: CliT): string => t(`cli:help.summary.${name}`);

export function usage(t: CliT): string {
  const heads = Object.entries(commands).map(
    ([name, c]) => [name as CommandName, `${name} ${localSynopsis(c.synopsis, t)}`] as const,
  );
  const width = Math.max(...heads.map(([, head]) => head.length));
  const lines = heads.map(([name, head]) => {
    const summary = summaryOf(name, t);
    // Long synopses get their summary on the next line, aligned.
    return head.length > 46
      ? `  ${head}\n  ${' '.repeat(46)} ${summary}`
      : `  ${head.padEnd(Math.min(width, 46))} ${summary}`;
  });
  const synopsis = localSynopsis('rapporteur <command> [<options>]', t).replace('[<', '[').replace(/>]$/, ']');
  return `${t('cli:usage', { synopsis })}\n\n${t('cli:help.commands')}\n${lines.join('\n')}\n\n${t('cli:help.exitStatus')}\n`;
}

export const synopsisOf = (name: CommandName, t: CliT): string =>
  `rapporteur ${name} ${localSynopsis(commands[name].synopsis, t)}`;
