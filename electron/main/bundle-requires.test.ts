// What the built desktop bundles require at run time must be in the packed app: Node's
// built-ins, 'electron' and package.json "dependencies". Checked on dist/electron as built,
// and shown to fail on a bundle that requires a devDependency or misuses import.meta.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { build } from 'esbuild';
import { describe, expect, test } from 'vitest';
import { bundleOptions } from '../../build/scripts/bundle-options.mjs';
import { bundleRequires, distElectron, projectRoot, runtimeModules, startDesktopApp } from './testing/desktop-harness';

const bundles = () => fs.readdirSync(distElectron).filter((f) => f.endsWith('.cjs'));

describe('the built bundles in dist/electron', () => {
  test('main, preload and every worker require only runtime dependencies', () => {
    expect(bundles()).toEqual(expect.arrayContaining(['main.cjs', 'preload.cjs', 'docx-worker.cjs']));
    const allowed = runtimeModules();
    for (const file of bundles()) {
      const outside = bundleRequires(path.join(distElectron, file)).filter((m) => !allowed.includes(m));
      expect({ file, outside }).toEqual({ file, outside: [] });
    }
    // A sandboxed preload can require nothing but 'electron' (and a few built-ins).
    expect(bundleRequires(path.join(distElectron, 'preload.cjs'))).toEqual(['electron']);
  });

  test('everything React, Lexical, zod and docx is bundled, so they are devDependencies', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(projectRoot, 'package.json'), 'utf8')) as {
      dependencies: Record<string, string>;
      devDependencies: Record<string, string>;
    };
    for (const name of ['react', 'react-dom', 'lexical', 'zod', 'docx', 'dompurify', 'mammoth'])
      expect(pkg.devDependencies).toHaveProperty(name);
    const required = new Set(bundles().flatMap((f) => bundleRequires(path.join(distElectron, f))));
    // Every runtime dependency is there for a reason: some bundle requires it.
    for (const name of Object.keys(pkg.dependencies))
      expect({ name, required: required.has(name) }).toEqual({ name, required: true });
  });
});

describe('the checks fail when they should', () => {
  const fixtureDir = () => fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-bundle-fixture-'));

  test('a bundle requiring a devDependency is flagged, and the harness refuses to load it', async () => {
    const dir = fixtureDir();
    const main = path.join(dir, 'main.cjs');
    fs.writeFileSync(main, 'require("electron"); require("vitest/package.json");\n');
    expect(bundleRequires(main).filter((m) => !runtimeModules().includes(m))).toEqual(['vitest']);
    await expect(startDesktopApp({ mainFile: main })).rejects.toThrow(
      /requires “vitest\/package.json”, which is not in package.json "dependencies"/,
    );
  });

  test('import.meta other than import.meta.url fails the build; import.meta.url gets its real value', async () => {
    const dir = fixtureDir();
    fs.writeFileSync(path.join(dir, 'bad.ts'), 'export const here = import.meta.dirname;\n');
    await expect(
      build({
        ...bundleOptions,
        logLevel: 'silent',
        entryPoints: [path.join(dir, 'bad.ts')],
        outfile: path.join(dir, 'bad.cjs'),
      }),
    ).rejects.toThrow(/import\.meta/);
    fs.writeFileSync(
      path.join(dir, 'good.ts'),
      'import { createRequire } from "node:module";\nexport const found = createRequire(import.meta.url).resolve("better-sqlite3");\n',
    );
    await build({
      ...bundleOptions,
      logLevel: 'silent',
      sourcemap: false,
      entryPoints: [path.join(dir, 'good.ts')],
      outfile: path.join(projectRoot, 'dist', 'fixture-good.cjs'),
    });
    try {
      const { createRequire } = await import('node:module');
      const loaded = createRequire(import.meta.url)(path.join(projectRoot, 'dist', 'fixture-good.cjs')) as {
        found: string;
      };
      expect(loaded.found).toContain(path.join('node_modules', 'better-sqlite3'));
    } finally {
      fs.rmSync(path.join(projectRoot, 'dist', 'fixture-good.cjs'), { force: true });
    }
  });
});
