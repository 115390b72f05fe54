import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { TemplateSchema, type TemplateSection } from '../../shared/templates/schema';
import { loadTemplates, skeletonOf } from '../../electron/node/templates';
import { createConferenceFile } from '../../electron/node/services/app-services';
import { templateSources } from './index';

const walk = (list: TemplateSection[]): TemplateSection[] => list.flatMap((s) => [s, ...walk(s.children)]);

describe('templates derived from the seeds', () => {
  it('all validate against the schema', () => {
    for (const src of templateSources) {
      const r = TemplateSchema.safeParse(src);
      expect(r.success, r.success ? '' : r.error.message).toBe(true);
    }
  });

  it('include the six templates of the anatomy §6.2, each from its seed', () => {
    const bySeed = Object.fromEntries(loadTemplates().map((t) => [t.id, t.seed.slice(0, 3)]));
    expect(bySeed).toEqual({
      'conference-proceedings': '000',
      'workshop-report': '003',
      'summary-report': '004',
      'best-practices-compendium': '001',
      'annual-activity-report': '002',
      'conclusions-declaration': '000',
    });
  });

  it('have unique section ids, guidance everywhere, an instance label on every repeatable group', () => {
    for (const t of loadTemplates()) {
      const all = walk(t.sections);
      expect(new Set(all.map((s) => s.id)).size, t.id).toBe(all.length);
      for (const s of all) {
        expect(s.guidance.length, `${t.id}/${s.id}`).toBeGreaterThan(20);
        if (s.repeatable) expect(s.instanceLabel, `${t.id}/${s.id}`).toBeTruthy();
        if (!s.generated) expect(s.allows.length, `${t.id}/${s.id}`).toBeGreaterThan(0);
      }
    }
  });

  it('the summary report generates its table of recommendations and declares its columns', () => {
    const t = loadTemplates().find((x) => x.id === 'summary-report')!;
    expect(walk(t.sections).some((s) => s.generated === 'recommendations-table')).toBe(true);
    expect(t.recommendationColumns).toContain('Addressee(s)');
  });

  it('the proceedings template nests part > unit > speakers/comments/highlights, numbered A. / Unit I. / 1. / (a)', () => {
    const t = loadTemplates().find((x) => x.id === 'conference-proceedings')!;
    const sk = skeletonOf(t.sections);
    const part = sk.find((p) => p.kind === 'thematic-part')!;
    expect(part.title).toBe('Untitled part');
    expect(part.children[0]!.kind).toBe('unit');
    expect(part.children[0]!.children.map((c) => c.kind)).toEqual(['speakers', 'comments', 'highlights']);
    expect(t.numbering.map((n) => n.prefix + n.style + n.suffix)).toEqual([
      'upper-alpha.',
      'Unit upper-roman.',
      'decimal.',
      '(lower-alpha)',
    ]);
  });

  it('a new conference from each template gets the skeleton, with starter content where declared', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'rap-tpl-'));
    for (const t of loadTemplates()) {
      const store = createConferenceFile(path.join(dir, `${t.id}.rapporteur`), t.id);
      const parts = store.listParts();
      expect(parts.length).toBe(walk(t.sections).length);
      if (t.id === 'conference-proceedings') {
        const unit = parts.find((p) => p.kind === 'unit')!;
        const doc = store.getPart(unit.id).doc;
        expect((doc.root.children[0] as { type: string }).type).toBe('moderator');
      }
      store.close();
    }
    fs.rmSync(dir, { recursive: true, force: true });
  });
});
