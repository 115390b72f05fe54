import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, expect, test } from 'vitest';
import type { LexicalDoc } from '../../shared/model/conference';
import { compile } from '../../shared/compile/compile';
import type { ListBlock, ParaBlock } from '../../shared/compile/model';
import { startBrowserMode, type BrowserMode } from './harness';

let app: BrowserMode;
beforeAll(async () => {
  app = await startBrowserMode();
});
afterAll(async () => {
  await app.close();
});

type N = Record<string, unknown>;
const t = (text: string): N => ({ type: 'text', version: 1, text, format: 0, style: '', mode: 'normal', detail: 0 });
const el = (type: string, children: N[], extra: N = {}): N => ({
  type,
  version: 1,
  children,
  direction: 'ltr',
  format: '',
  indent: 0,
  ...extra,
});
const block = (type: string, who: string, text: string) => el(type, [t(text)], { speakerIds: [], names: [who] });

test('the editor shows the labels the export prints: headings, presentation and commentator letters, a recommendations block', async () => {
  const api = app.server.services.api;
  const view = await api.createConference({ templateId: 'conference-proceedings', title: 'Labels' });
  const unit = view.parts.find((p) => p.kind === 'unit')!;
  const doc = {
    root: el('root', [
      el('paragraph', [
        t('As note '),
        { type: 'note-ref', version: 1, noteId: 'n2' },
        t(' says'),
        { type: 'footnote', version: 1, text: 'First note.' },
        t('.'),
      ]),
      el('heading', [t('Morning')], { tag: 'h1' }),
      block('presentation', 'Ana Ruiz', 'First paper'),
      block('presentation', 'Tom Li', 'Second paper'),
      block('commentator', 'Eva Sol', 'A remark'),
      el('heading', [t('Afternoon')], { tag: 'h1' }),
      el('paragraph', [t('Second'), { type: 'footnote', version: 1, id: 'n2', text: 'Second note.' }, t('.')]),
      block('presentation', 'Pia Lund', 'Third paper'),
      block('commentator', 'Max Ito', 'Another remark'),
      el(
        'list',
        [
          el('listitem', [t('Ratify the Convention.')], { value: 1 }),
          el('listitem', [t('Protect consular access.')], { value: 2 }),
        ],
        { listType: 'number', start: 1, tag: 'ol', $: { role: 'recommendations' } },
      ),
    ]),
  } as unknown as LexicalDoc;
  await api.savePart({ handle: view.handle, partId: unit.id, doc, baseRevision: unit.revision });

  const page = await app.openApp(`&conference=${view.handle}`);
  await page.getByRole('treeitem').filter({ hasText: unit.title }).locator('.outline-item').first().click();
  const editor = page.getByLabel(`Text of ${unit.title}`);
  await expect.poll(() => editor.locator('.ed-presentation').count(), { timeout: 10_000 }).toBe(3);
  await expect
    .poll(() =>
      editor
        .locator('.ed-presentation, .ed-commentator')
        .evaluateAll((els) => els.map((e) => e.getAttribute('data-label'))),
    )
    .toEqual(['(a)', '(b)', '(a)', '(a)', '(a)']);
  const headingLabels = await editor.locator('h1').evaluateAll((els) => els.map((e) => e.getAttribute('data-label')));
  const format = await editor.locator('ol[data-role="recommendations"]').getAttribute('data-format');
  // the cross-reference shows the number of the note it names, as the export prints it
  await expect.poll(() => editor.locator('.ed-note-ref').textContent()).toBe('2');

  // What the export prints for the same part.
  const { getTemplate } = await import('../../electron/node/templates');
  const parts = await Promise.all(
    view.parts.map(async (p) => ({ ...p, doc: (await api.getPart({ handle: view.handle, partId: p.id })).doc })),
  );
  const proc = compile(
    { meta: view.meta, parts, participants: [], agenda: [] },
    getTemplate('conference-proceedings'),
    { partIds: [unit.id], annexes: false, watermark: false },
  );
  const blocks = proc.sections.flatMap((s) => s.blocks);
  const printedLetters = blocks
    .filter((b): b is ParaBlock => b.kind === 'para' && (b.style === 'presentation' || b.style === 'commentator'))
    .map((b) => (b.content[0]?.kind === 'text' ? b.content[0].text.trim() : ''));
  expect(printedLetters).toEqual(['(a)', '(b)', '(a)', '(a)', '(a)']);
  const printedHeadings = blocks
    .filter((b) => b.kind === 'heading' && !b.partId)
    .map((b) => (b.kind === 'heading' ? b.label : ''));
  expect(headingLabels).toEqual(printedHeadings);
  expect(format).toBe(blocks.find((b): b is ListBlock => b.kind === 'list')!.format);
  const first = blocks.find(
    (b): b is ParaBlock => b.kind === 'para' && b.content.some((r) => r.kind === 'text' && r.text === 'As note '),
  )!;
  expect(
    first.content.map((r) => (r.kind === 'text' ? r.text : r.kind === 'note' ? `[${r.label}]` : '')).join(''),
  ).toBe('As note 2 says[1].');

  const shots = path.join(app.dir, 'shots');
  fs.mkdirSync(shots, { recursive: true });
  await editor.screenshot({ path: path.join(process.env.E2E_SHOTS ?? shots, 'element-labels.png') });
});
