import path from 'node:path';
import type { ParseArgsConfig } from 'node:util';
import { AppError } from '../../shared/errors';
import { ConferenceStore } from '../node/store/conference-store';
import { createConferenceFile } from '../node/services/app-services';
import { loadTemplates } from '../node/templates';
import { startServer } from '../server/http-server';
import { defaultDirs } from '../node/paths';
import { importCommand } from './import-command';
import { exportCommand } from './export-command';

type Values = Record<string, string | boolean | undefined>;
export interface Command {
  options: NonNullable<ParseArgsConfig['options']>;
  /** Returns the exit code, or -1 for a command that keeps running (serve). */
  run(values: Values, positionals: string[]): Promise<number>;
}

const out = (s: string) => process.stdout.write(s.endsWith('\n') ? s : `${s}\n`);

function requireOne(positionals: string[], what: string): string {
  if (positionals.length !== 1) throw new AppError('INVALID_INPUT', `expected exactly one ${what}, got ${positionals.length}.`);
  return positionals[0]!;
}

export const commands: Record<string, Command> = {
  import: importCommand,
  export: exportCommand,
  templates: {
    options: { json: { type: 'boolean' } },
    async run(v) {
      const list = loadTemplates().map(({ id, name, description, seed }) => ({ id, name, description, seed }));
      if (v.json) out(JSON.stringify(list, null, 2));
      else for (const t of list) out(`${t.id.padEnd(28)} ${t.name}\n${' '.repeat(29)}${t.description}`);
      return 0;
    },
  },

  new: {
    options: { template: { type: 'string' }, output: { type: 'string', short: 'o' }, title: { type: 'string' } },
    async run(v, pos) {
      if (pos.length) throw new AppError('INVALID_INPUT', `unexpected argument “${pos[0]}”.`);
      if (typeof v.template !== 'string') throw new AppError('INVALID_INPUT', 'missing --template <id> (see “rapporteur templates”).');
      if (typeof v.output !== 'string') throw new AppError('INVALID_INPUT', 'missing -o <file.rapporteur>.');
      if (!v.output.endsWith('.rapporteur')) throw new AppError('INVALID_INPUT', 'the output file name must end in .rapporteur.');
      const store = createConferenceFile(path.resolve(v.output), v.template, typeof v.title === 'string' ? v.title : undefined);
      const n = store.listParts().length;
      store.close();
      out(`Created ${v.output} from “${v.template}” with ${n} parts.`);
      return 0;
    },
  },

  info: {
    options: { json: { type: 'boolean' } },
    async run(v, pos) {
      const file = requireOne(pos, 'conference file');
      const store = ConferenceStore.open(path.resolve(file));
      try {
        const { meta } = store.getMeta();
        const parts = store.listParts();
        const depth = new Map<string, number>();
        for (const p of parts) depth.set(p.id, p.parentId ? (depth.get(p.parentId) ?? 0) + 1 : 0);
        if (v.json) {
          type Node = { id: string; kind: string; title: string; status: string; words: number; children: Node[] };
          const nodes = new Map<string, Node>();
          const roots: Node[] = [];
          for (const p of parts) {
            const n: Node = { id: p.id, kind: p.kind, title: p.title, status: p.status, words: p.wordCount, children: [] };
            nodes.set(p.id, n);
            (p.parentId ? nodes.get(p.parentId)!.children : roots).push(n);
          }
          out(JSON.stringify({
            file: path.resolve(file), meta, parts: roots,
            participants: store.listParticipants().length, agenda: store.listAgenda().length,
            words: parts.reduce((a, p) => a + p.wordCount, 0),
          }, null, 2));
        } else {
          out(`${meta.title || '(untitled)'}${meta.subtitle ? ` — ${meta.subtitle}` : ''}`);
          if (meta.symbol) out(`Symbol: ${meta.symbol}`);
          const place = [meta.venue, meta.city, meta.country].filter(Boolean).join(', ');
          if (place || meta.startDate) out(`${place}${meta.startDate ? ` ${meta.startDate}${meta.endDate ? ` – ${meta.endDate}` : ''}` : ''}`);
          out(`Template: ${meta.templateId}`);
          out('');
          for (const p of parts) {
            out(`${'  '.repeat(depth.get(p.id) ?? 0)}${p.title}  [${p.kind}, ${p.status}, ${p.wordCount} words]`);
          }
        }
      } finally {
        store.close();
      }
      return 0;
    },
  },

  serve: {
    options: { port: { type: 'string' } },
    async run(v, pos) {
      if (pos.length > 1) throw new AppError('INVALID_INPUT', 'serve takes at most one conference file.');
      const port = v.port === undefined ? 0 : Number(v.port);
      if (!Number.isInteger(port) || port < 0 || port > 65535) throw new AppError('INVALID_INPUT', `--port must be a number from 0 to 65535, not “${String(v.port)}”.`);
      const server = await startServer({ ...defaultDirs(), port, openFile: pos[0] ? path.resolve(pos[0]) : undefined });
      out(`Rapporteur is serving on ${server.url}`);
      out('Open that address in a browser. Press Ctrl+C to stop.');
      const stop = () => { void server.close().then(() => process.exit(0)); };
      process.on('SIGINT', stop);
      process.on('SIGTERM', stop);
      return -1;
    },
  },
};
