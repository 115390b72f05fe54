/**
 * Every command: its usage and options, and its implementation behind a dynamic import,
 * so that `rapporteur info` never loads the Word writer, the importer or the server.
 */
import type { CommandSpec } from './context';

export const commands: Record<string, CommandSpec> = {
  templates: {
    synopsis: '[--json]',
    summary: 'list the report templates',
    options: { json: { type: 'boolean' } },
    load: () => import('./templates-command'),
  },
  new: {
    synopsis: '--template <id> -o <file> [--title T] [--language <tag>]',
    summary: 'create a conference from a template (in --language, e.g. es or fr-CA, its parts titled in that language)',
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
    summary: 'metadata and the outline of parts',
    options: { json: { type: 'boolean' } },
    load: () => import('./info-command'),
  },
  import: {
    synopsis: '<report> -o <file> [--template id] [--json]',
    summary: 'import a report (.txt, .md, .docx) into a new conference',
    options: { output: { type: 'string', short: 'o' }, template: { type: 'string' }, json: { type: 'boolean' } },
    load: () => import('./import-command'),
  },
  export: {
    synopsis:
      '<file> [--docx F] [--pdf F] [--no-annexes] [--watermark] [--toc-pages] [--changes-since S] [--comments | --no-comments]',
    summary: 'official DOCX and/or PDF (both, beside the file, by default)',
    options: {
      docx: { type: 'string' },
      pdf: { type: 'string' },
      'no-annexes': { type: 'boolean' },
      watermark: { type: 'boolean' },
      'toc-pages': { type: 'boolean' },
      'changes-since': { type: 'string' },
      comments: { type: 'boolean' },
      'no-comments': { type: 'boolean' },
    },
    load: () => import('./export-command'),
  },
  snapshot: {
    synopsis: '<file> --name <name> [--json]',
    summary: 'keep a named snapshot of the conference as it is now',
    options: { name: { type: 'string' }, json: { type: 'boolean' } },
    load: () => import('./snapshot-commands').then((m) => m.snapshot),
  },
  snapshots: {
    synopsis: '<file> [--json]',
    summary: 'list the snapshots kept in the conference, newest first',
    options: { json: { type: 'boolean' } },
    load: () => import('./snapshot-commands').then((m) => m.snapshots),
  },
  kit: {
    synopsis: '<file> --rapporteur <name> -o <kit> [--json]',
    summary: 'write a rapporteur’s kit: the conference, the parts assigned to them theirs to draft',
    options: { rapporteur: { type: 'string' }, output: { type: 'string', short: 'o' }, json: { type: 'boolean' } },
    load: () => import('./kit-commands').then((m) => m.kit),
  },
  merge: {
    synopsis: '<file> <kit>... [--json]',
    summary: 'bring returned kits into the conference (exit 3: conflicts wait for the editor)',
    options: { json: { type: 'boolean' } },
    load: () => import('./kit-commands').then((m) => m.merge),
  },
  serve: {
    synopsis: '[<file>] [--port N]',
    summary: 'browser mode on 127.0.0.1 (prints the address)',
    options: { port: { type: 'string' } },
    load: () => import('./serve-command'),
  },
};

export function usage(): string {
  const width = Math.max(...Object.entries(commands).map(([name, c]) => `${name} ${c.synopsis}`.length));
  const lines = Object.entries(commands).map(([name, c]) => {
    const head = `${name} ${c.synopsis}`;
    // Long synopses get their summary on the next line, aligned.
    return head.length > 46
      ? `  ${head}\n  ${' '.repeat(46)} ${c.summary}`
      : `  ${head.padEnd(Math.min(width, 46))} ${c.summary}`;
  });
  return `Usage: rapporteur <command> [options]\n\nCommands:\n${lines.join('\n')}\n\nExit status: 0 done, 1 a file or the conference refused, 2 wrong arguments, 3 merged with conflicts that wait for the editor.\n`;
}

export const synopsisOf = (name: string): string => `rapporteur ${name} ${commands[name]!.synopsis}`;
