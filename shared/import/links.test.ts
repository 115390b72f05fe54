import { describe, expect, it } from 'vitest';
import { importText } from '.';
import { docxHtmlToMarkdown as htmlToMarkdown } from './tree/docx-markdown';
import { isAllowedLinkUrl } from './links';
import type { ImportedPart } from './result';

type N = { type: string; url?: string; text?: string; children?: N[] };
const all = (parts: ImportedPart[]): ImportedPart[] => parts.flatMap((p) => [p, ...all(p.children)]);
const nodes = (parts: ImportedPart[]): N[] => {
  const out: N[] = [];
  const walk = (n: N) => {
    out.push(n);
    (n.children ?? []).forEach(walk);
  };
  for (const p of all(parts)) walk(p.doc.root as unknown as N);
  return out;
};

describe('links on import (issue 17.7)', () => {
  it('allows http, https and mailto only', () => {
    for (const ok of ['http://example.org', 'HTTPS://example.org/x', ' https://example.org', 'mailto:a@example.org'])
      expect(isAllowedLinkUrl(ok), ok).toBe(true);
    for (const bad of [
      'javascript:alert(1)',
      ' JaVaScRiPt:alert(1)',
      'data:text/html,x',
      'vbscript:msgbox',
      'file:///etc/passwd',
      'ftp://example.org',
      '//example.org',
      'http:',
      'mailto:',
      'ms-word:ofe|u|x',
    ])
      expect(isAllowedLinkUrl(bad), bad).toBe(false);
  });

  it('keeps the text of a link to any other scheme, drops its address and says so on the part', () => {
    const md =
      '# Report\n\n## Findings\n\nSee [the site](https://example.org/a), [a script](javascript:void0), [a page](data:text/html,x) and [mail](mailto:a@example.org).\n';
    const r = importText(md, { fileName: 'r.md', format: 'markdown' });
    const n = nodes(r.parts);
    expect(n.filter((x) => x.type === 'link').map((x) => x.url)).toEqual([
      'https://example.org/a',
      'mailto:a@example.org',
    ]);
    const words = n
      .filter((x) => x.type === 'text')
      .map((x) => x.text)
      .join('');
    expect(words).toContain('a script');
    expect(words).toContain('a page');
    const w = r.warnings.filter((x) => x.code === 'LINK_DROPPED');
    expect(w).toHaveLength(1);
    expect(w[0]!.message).toMatch(/2 links .*“javascript:void0”.*only http, https and mailto/);
    expect(all(r.parts).map((p) => p.id)).toContain(w[0]!.partId);
  });

  it('does the same for the links of a .docx (through its HTML)', () => {
    const html =
      '<h1>Report</h1><h2>Findings</h2><p>A <a href="vbscript:msgbox(1)">macro</a>, a <a href="file:///etc/passwd">file</a> and <a href="http://example.org/">the web</a>.</p>';
    const r = importText(htmlToMarkdown(html), { fileName: 'r.docx', format: 'markdown' });
    expect(
      nodes(r.parts)
        .filter((x) => x.type === 'link')
        .map((x) => x.url),
    ).toEqual(['http://example.org/']);
    expect(r.warnings.filter((x) => x.code === 'LINK_DROPPED')).toHaveLength(1);
  });
});
