// What `npm test` runs before vitest: the type check, the lint and the build, side by side.
// They read the sources and write to different places (tsc's build info, ESLint's cache,
// dist/), and each is mostly one thread: run one after another they left a core idle for
// some ten seconds. Each one's output is printed whole when it ends, so it reads as if
// run alone; the first failure is reported after all three have ended, with its status.
import { spawn } from 'node:child_process';

const CHECKS = ['typecheck', 'lint', 'build'];

function run(script) {
  return new Promise((resolve) => {
    const child = spawn('npm', ['run', '--silent', script], { stdio: ['ignore', 'pipe', 'pipe'] });
    const output = [];
    child.stdout.on('data', (chunk) => output.push(chunk));
    child.stderr.on('data', (chunk) => output.push(chunk));
    child.on('error', (err) => resolve({ script, status: 1, output: [Buffer.from(`${err.message}\n`)] }));
    child.on('close', (code, signal) => resolve({ script, status: code ?? (signal ? 1 : 0), output }));
  });
}

const results = await Promise.all(CHECKS.map(run));
for (const { script, status, output } of results) {
  process.stdout.write(`\n> npm run ${script}${status === 0 ? '' : ` (failed, status ${status})`}\n`);
  for (const chunk of output) process.stdout.write(chunk);
}
const failed = results.find((r) => r.status !== 0);
if (failed) {
  process.stderr.write(`\nnpm run ${failed.script} failed: the tests were not run.\n`);
  process.exit(failed.status);
}
