// @vitest-environment jsdom
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { DOC_LIMITS } from '../../../../shared/elements/doc-schema';
import { clipboardProblem, nodesTooDeep, pasteProblem } from './bounds';
import { cleanClipboardHtml } from './clean-html';

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');

describe('paste stays within a part’s bounds', () => {
  it('refuses clipboard HTML nested 600 lists deep, with the schema’s message', () => {
    const deep = `<html><body>${'<ul><li>'.repeat(600)}deep${'</li></ul>'.repeat(600)}</body></html>`;
    const problem = clipboardProblem(deep);
    expect(problem).toMatch(/^Not pasted\. The document is nested more than 48 levels deep/);
  });

  it('refuses more text than a part may hold', () => {
    const big = `<html><body><p>${'word '.repeat(400)}</p></body></html>`;
    expect(clipboardProblem(big, { ...DOC_LIMITS, chars: 1_000 })).toMatch(/million characters/);
  });

  it('lets real documents from Word, LibreOffice and Google Docs through', () => {
    for (const f of ['word-list-table.html', 'libreoffice.html', 'google-docs.html'])
      expect(pasteProblem(cleanClipboardHtml(fixture(f)).body)).toBeNull();
  });

  it('counts where the paste lands: nodes that fit at the top may not fit deep inside a list', () => {
    expect(nodesTooDeep(10, 2)).toBeNull();
    expect(nodesTooDeep(10, 45)).toMatch(/Not pasted/);
  });
});
