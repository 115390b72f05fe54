import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { findLiteralStrings } from './literal-strings';

const SRC = path.resolve(import.meta.dirname, '..');

const tsxFiles = fs
  .readdirSync(SRC, { recursive: true })
  .map(String)
  .filter((f) => f.endsWith('.tsx') && !/\.test\.tsx$/.test(f))
  .map((f) => f.split(path.sep).join('/'))
  .sort();

describe('renderer strings come from the catalogues', () => {
  it('finds words in JSX text and in aria-label, title, placeholder and alt, but not symbols or compared values', () => {
    const found = findLiteralStrings(
      'x.tsx',
      `
      const a = <p title="Close the panel" aria-label={busy ? 'Saving…' : t('x:y')}>Hello {name} · {count > 1 && 'many'}</p>;
      const b = <span className={kind === 'session' ? 'big' : ''} title={t('x:z')}>{'—'} × {t('x:w', { n: 'abc' })}</span>;
      const c = <img alt={\`Figure \${n}\`} placeholder="…" />;
    `,
    );
    expect(found.map((f) => [f.where, f.text])).toEqual([
      ['title', 'Close the panel'],
      ['aria-label', 'Saving…'],
      ['text', 'Hello'],
      ['text', 'many'],
      ['alt', 'Figure'],
    ]);
  });

  it('no component writes user-facing words into its JSX', () => {
    const offenders = tsxFiles
      .flatMap((f) => findLiteralStrings(f, fs.readFileSync(path.join(SRC, f), 'utf8')))
      .map((s) => `${s.file}:${s.line} ${s.where} "${s.text}"`);
    expect(offenders).toEqual([]);
  });
});
