import { parseArgs } from 'node:util';
import { AppError } from '../../shared/errors';
import { commands } from './commands';

const USAGE = `Usage: rapporteur <command> [options]

Commands:
  templates [--json]                         list the report templates
  new --template <id> -o <file> [--title T]  create a conference from a template
  info <file> [--json]                       metadata and the outline of parts
  import <report> -o <file> [--template id]  import a report (.txt, .md, .docx) into a new conference
  serve [<file>] [--port N]                  browser mode on 127.0.0.1 (prints the URL)
  export <file> [--docx F] [--pdf F] [--no-annexes] [--watermark] [--toc-pages]
                                             official DOCX and/or PDF (both by default)
`;

async function main(argv: string[]): Promise<number> {
  const [name, ...rest] = argv;
  if (!name || name === '--help' || name === '-h' || name === 'help') {
    process.stdout.write(USAGE);
    return name ? 0 : 2;
  }
  const command = commands[name];
  if (!command) {
    process.stderr.write(`rapporteur: unknown command “${name}”.\n\n${USAGE}`);
    return 2;
  }
  let parsed;
  try {
    parsed = parseArgs({ args: rest, options: command.options, allowPositionals: true, strict: true });
  } catch (err) {
    process.stderr.write(`rapporteur ${name}: ${(err as Error).message}\n\n${USAGE}`);
    return 2;
  }
  try {
    return await command.run(parsed.values as Record<string, string | boolean | undefined>, parsed.positionals);
  } catch (err) {
    if (err instanceof AppError) {
      process.stderr.write(`rapporteur ${name}: ${err.message}\n`);
      return 1;
    }
    throw err;
  }
}

main(process.argv.slice(2)).then((code) => {
  if (code !== -1) process.exitCode = code;
}, (err: unknown) => {
  process.stderr.write(`rapporteur: unexpected error: ${err instanceof Error ? err.stack : String(err)}\n`);
  process.exitCode = 70;
});
