import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';

/**
 * The layer rule (.dependency-cruiser.cjs) run on a small tree that breaks it on purpose:
 * each broken import must be reported under the rule it breaks, and the allowed ones not at all.
 */

const ROOT = path.resolve(import.meta.dirname, '../..');
const CONFIG = path.join(ROOT, '.dependency-cruiser.cjs');
const BIN = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

const FIXTURE: Record<string, string> = {
  'shared/model.ts': 'export const model = 1;\n',
  'shared/reads-disk.ts': "import fs from 'node:fs';\nexport const x = fs.existsSync('/');\n",
  'shared/reaches-node.ts': "import { service } from '../electron/node/service';\nexport const y = service;\n",
  'renderer/src/screen.ts': "import { model } from '../../shared/model';\nexport const s = model;\n",
  'renderer/src/calls-node.ts': "import { service } from '../../electron/node/service';\nexport const c = service;\n",
  'electron/node/service.ts': "import { model } from '../../shared/model';\nexport const service = model;\n",
  'electron/node/templates.ts': "import { seed } from '../../seeds/templates';\nexport const templates = seed;\n",
  'electron/node/reads-seeds.ts': "import { seed } from '../../seeds/templates';\nexport const other = seed;\n",
  'electron/node/uses-server.ts': "import { server } from '../server/server';\nexport const u = server;\n",
  'electron/node/uses-electron.ts': "import { app } from 'electron';\nexport const e = app;\n",
  'electron/server/server.ts': "import { service } from '../node/service';\nexport const server = service;\n",
  'electron/server/uses-cli.ts': "import { cli } from '../cli/cli';\nexport const v = cli;\n",
  'electron/cli/cli.ts': "import { service } from '../node/service';\nexport const cli = service;\n",
  'electron/main/main.ts':
    "import { app } from 'electron';\nimport { service } from '../node/service';\nexport const m = [app, service];\n",
  'seeds/templates.ts': 'export const seed = 1;\n',
};

let dir: string;
beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-layers-'));
  for (const [file, text] of Object.entries(FIXTURE)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(
    path.join(dir, 'tsconfig.json'),
    JSON.stringify({ compilerOptions: { module: 'ESNext', moduleResolution: 'Bundler' } }),
  );
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
});
afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

interface Violation {
  from: string;
  to: string;
  rule: { name: string; severity: string };
}

/**
 * One run as npm test makes it (dependency-cruiser's default "err" report): its exit status, and the
 * violations its report lists, one a line ("  error <rule>: <from> → <to>"). A JSON report would need a
 * second run, since dependency-cruiser exits 0 whatever it found when asked for JSON.
 */
function cruise(): { status: number; violations: Violation[]; report: string } {
  const args = [BIN, 'shared', 'renderer', 'electron', 'seeds', '--config', CONFIG];
  let status = 0;
  let report: string;
  try {
    // Plain text whatever the terminal (vitest's workers may be told to force colours).
    const env = { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' };
    report = execFileSync(process.execPath, args, { cwd: dir, env, encoding: 'utf8', stdio: 'pipe' });
  } catch (err) {
    ({ status, stdout: report } = err as { status: number; stdout: string });
  }
  const violations = [...report.matchAll(/^ {2}(error|warn|info) (\S+): (\S+) → (\S+)$/gm)].map(
    ([, severity, name, from, to]) => ({ from: from!, to: to!, rule: { name: name!, severity: severity! } }),
  );
  return { status, violations, report };
}

describe('the layer rule', () => {
  test('fails on each broken layer and names the rule, and lets the allowed imports pass', () => {
    const { status, violations, report } = cruise();
    expect(status).not.toBe(0);
    // Every violation is an error, and the summary counts them all.
    expect(violations.every((v) => v.rule.severity === 'error')).toBe(true);
    expect(report).toContain(`x ${violations.length} dependency violations (${violations.length} errors, 0 warnings)`);
    const found = violations
      .map((v) => `${v.rule.name}: ${v.from} → ${v.to.replace(/^.*node_modules\//, 'node_modules/')}`)
      .sort();
    expect(found).toEqual([
      'edges-are-siblings: electron/server/uses-cli.ts → electron/cli/cli.ts',
      'node-layer-below-the-edges: electron/node/uses-server.ts → electron/server/server.ts',
      'only-main-imports-electron: electron/node/uses-electron.ts → node_modules/electron/index.js',
      'renderer-talks-through-shared: renderer/src/calls-node.ts → electron/node/service.ts',
      'seeds-through-templates: electron/node/reads-seeds.ts → seeds/templates.ts',
      'shared-is-pure: shared/reaches-node.ts → electron/node/service.ts',
      'shared-is-pure: shared/reads-disk.ts → fs',
      'shared-uses-no-node: shared/reads-disk.ts → fs',
    ]);
  });
});

describe('the linter keeps shared/ free of Node and DOM globals', () => {
  test('process, Buffer and document are refused in shared/, allowed in electron/ and the renderer', async () => {
    const { ESLint } = await import('eslint');
    const eslint = new ESLint({ cwd: ROOT });
    const code =
      'export const home = process.env.HOME;\nexport const bytes = Buffer.from("a");\nexport const title = document.title;\n';
    const lint = async (file: string) =>
      (await eslint.lintText(code, { filePath: path.join(ROOT, file) }))[0]!.messages;
    const shared = await lint('shared/probe.ts');
    expect(shared.map((m) => `${m.ruleId}:${m.line}`)).toEqual([
      'no-restricted-globals:1',
      'no-restricted-globals:2',
      'no-restricted-globals:3',
    ]);
    expect(await lint('electron/node/probe.ts')).toEqual([]);
    expect(await lint('renderer/src/probe.ts')).toEqual([]);
  });
});
