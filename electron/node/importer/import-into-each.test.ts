/**
 * importTextIntoEach reads a text once and fits a copy of the reading to each template: each
 * result must be the one importText gives for that template alone, and no fitting may change
 * what another one starts from.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importText, importTextIntoEach, KNOWN_TEMPLATES, type WarningDraft } from '../../../shared/import';
import { projectRoot } from '../paths';
import { loadTemplates } from '../templates';

const templates = loadTemplates();
const SOURCE = path.join(projectRoot, 'seeds/source');
const seedText = (prefix: string) =>
  fs.readFileSync(path.join(SOURCE, fs.readdirSync(SOURCE).find((f) => f.startsWith(prefix))!), 'utf8');
const encoding = (): WarningDraft => ({
  partId: null,
  line: null,
  code: 'ENCODING',
  key: 'encoding',
  values: { encoding: 'windows-1252' },
  suggestion: null,
  message: 'Read as Windows-1252.',
});

describe('a text imported into each template', () => {
  it('read once (a seed of a recognised genre): each result is the one importText gives for that template', () => {
    const text = seedText('003');
    const opts = { fileName: '003.txt', templates, warnings: [encoding()] };
    const each = importTextIntoEach(text, opts, KNOWN_TEMPLATES);
    expect(each.map((r) => r.templateId)).toEqual(KNOWN_TEMPLATES);
    // Fitted into the other genres' templates, the kinds were mapped: the fittings differ, and each is its own.
    expect(new Set(each.map((r) => JSON.stringify(r.parts))).size).toBeGreaterThan(1);
    KNOWN_TEMPLATES.forEach((templateId, i) => {
      const alone = importText(text, { ...opts, templateId, warnings: [encoding()] });
      expect(each[i], templateId).toEqual(alone);
      expect(each[i]!.participants.length).toBeGreaterThan(0);
    });
    // The caller's warnings were copied, not changed by the fittings.
    expect(opts.warnings).toEqual([encoding()]);
  });

  it('read again for each template when the reading depends on it (no genre recognised)', () => {
    const text = '# Notes\n\n## Findings\n\nA paragraph of text.\n\n## Next steps\n\nMore text.\n';
    const opts = { fileName: 'notes.md', templates, format: 'markdown' as const };
    const each = importTextIntoEach(text, opts, KNOWN_TEMPLATES);
    KNOWN_TEMPLATES.forEach((templateId, i) => {
      expect(each[i], templateId).toEqual(importText(text, { ...opts, templateId }));
    });
  });
});
