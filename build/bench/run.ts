// npm run bench [-- <name> ...]: runs every build/bench/*.bench.ts (or those named) one
// after another, prints each one's markdown section, and keeps them in bench-results/.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));
const wanted = process.argv.slice(2);
const benches = fs
  .readdirSync(here)
  .filter((f) => f.endsWith('.bench.ts'))
  .sort()
  .filter((f) => wanted.length === 0 || wanted.some((w) => f.startsWith(w)));

const sections: string[] = [];
for (const file of benches) {
  process.stderr.write(`running ${file}…\n`);
  const mod = (await import(path.join(here, file))) as { default: () => Promise<string> };
  const section = await mod.default();
  process.stdout.write(`${section}\n\n`);
  sections.push(section);
}
const outDir = path.join(here, '..', '..', 'bench-results');
fs.mkdirSync(outDir, { recursive: true });
const header = `Run ${new Date().toISOString()} on ${process.platform}/${process.arch}, Node ${process.version}\n\n`;
fs.writeFileSync(path.join(outDir, 'latest.md'), header + sections.join('\n\n') + '\n');
