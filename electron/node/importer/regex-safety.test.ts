/**
 * Every regular expression of the importer is linear: recheck (a ReDoS checker) finds no
 * input that makes one backtrack polynomially or exponentially. Imported text is anyone's,
 * and one quadratic pattern once froze the app for 33 s on a line of 100,000 spaces. The
 * scan reads every regex literal and every `new RegExp` in shared/import from the
 * TypeScript syntax tree, so a new one cannot slip past. A pattern recheck found safe is
 * remembered (node_modules/.cache, by its source and flags, recheck's version and the settings
 * below), so a run checks only the patterns that are new or changed since the last one.
 */
import fs from 'node:fs';
import path from 'node:path';
import { check } from 'recheck';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';
import { projectRoot } from '../paths';

/**
 * The verdict must not change from run to run or with the machine's load: a fixed seed for the
 * fuzzer (patterns too large for the automaton check), and no time limits, only recheck's step limits
 * (under load a time limit turned safe patterns into "unknown" or a polynomial found by a cut-short fuzz).
 */
const SETTINGS = { timeout: null, attackTimeout: null, incubationTimeout: null, randomSeed: 20260101 } as const;

/** The patterns found safe by this recheck with these settings: a verdict depends on nothing else. */
const SAFE_CACHE = path.join(projectRoot, 'node_modules/.cache/rapporteur/regex-safe.json');
const cacheKey = JSON.stringify({
  recheck: (
    JSON.parse(fs.readFileSync(path.join(projectRoot, 'node_modules/recheck/package.json'), 'utf8')) as {
      version: string;
    }
  ).version,
  SETTINGS,
});

function knownSafe(): Set<string> {
  try {
    const kept = JSON.parse(fs.readFileSync(SAFE_CACHE, 'utf8')) as { key: string; safe: string[] };
    return new Set(kept.key === cacheKey ? kept.safe : []);
  } catch {
    return new Set();
  }
}

function keepSafe(safe: Set<string>): void {
  fs.mkdirSync(path.dirname(SAFE_CACHE), { recursive: true });
  const staged = `${SAFE_CACHE}.${process.pid}`;
  fs.writeFileSync(staged, JSON.stringify({ key: cacheKey, safe: [...safe].sort() }));
  fs.renameSync(staged, SAFE_CACHE);
}

/** recheck's verdict on a pattern, worded for the failure message; null when it is safe. */
async function unsafety(source: string, flags: string): Promise<string | null> {
  const result = await check(source, flags, SETTINGS);
  if (result.status === 'safe') return null;
  return result.status === 'vulnerable'
    ? `${result.complexity.summary}, attack ${result.attack.pattern}`
    : result.status;
}

interface Found {
  where: string;
  source: string;
  flags: string;
}

function sourcesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return sourcesUnder(p);
    return e.name.endsWith('.ts') && !e.name.endsWith('.test.ts') ? [p] : [];
  });
}

function regexesOf(file: string): { found: Found[]; dynamic: string[] } {
  const sf = ts.createSourceFile(file, fs.readFileSync(file, 'utf8'), ts.ScriptTarget.Latest, true);
  const found: Found[] = [];
  const dynamic: string[] = [];
  const where = (n: ts.Node) =>
    `${path.relative(projectRoot, file)}:${sf.getLineAndCharacterOfPosition(n.getStart(sf)).line + 1}`;
  const visit = (n: ts.Node): void => {
    if (n.kind === ts.SyntaxKind.RegularExpressionLiteral) {
      const lit = n.getText(sf);
      const slash = lit.lastIndexOf('/');
      found.push({ where: where(n), source: lit.slice(1, slash), flags: lit.slice(slash + 1) });
    }
    // `new RegExp(x)` is allowed only to copy a literal (`re.source`), which is scanned itself.
    if (
      ts.isNewExpression(n) &&
      n.expression.getText(sf) === 'RegExp' &&
      !/^\w+\.source$/.test(n.arguments?.[0]?.getText(sf) ?? '')
    )
      dynamic.push(where(n));
    ts.forEachChild(n, visit);
  };
  visit(sf);
  return { found, dynamic };
}

describe('the importer’s regular expressions', () => {
  const files = sourcesUnder(path.join(projectRoot, 'shared/import'));
  const all = files.map(regexesOf);
  const found = all.flatMap((r) => r.found);

  it('are all literals, found by the scan', () => {
    expect(all.flatMap((r) => r.dynamic)).toEqual([]);
    expect(found.length).toBeGreaterThan(50);
  });

  it('are all linear according to recheck', async () => {
    const safe = knownSafe();
    const unsafe: string[] = [];
    for (const r of found) {
      const id = `/${r.source}/${r.flags}`;
      if (safe.has(id)) continue;
      const how = await unsafety(r.source, r.flags);
      if (how) unsafe.push(`${r.where} ${id}: ${how}`);
      else safe.add(id);
    }
    keepSafe(safe);
    expect(unsafe).toEqual([]);
  }, 600_000);

  it('recheck, with these settings, finds the patterns that backtrack: nested, adjacent and trailing repeats', async () => {
    // Never read from the remembered verdicts: each is checked here.
    expect(await unsafety('^(a+)+$', '')).toMatch(/^exponential/);
    expect(await unsafety('(\\w+\\s?)*x', '')).toMatch(/^exponential/);
    expect(await unsafety('a\\s*\\s*b', '')).toMatch(/^2nd degree polynomial/);
    // The line of 100,000 spaces that froze the app for 33 s.
    expect(await unsafety('\\s+$', '')).toMatch(/^2nd degree polynomial/);
    expect(await unsafety('^\\s+$', '')).toBeNull();
  });
});
