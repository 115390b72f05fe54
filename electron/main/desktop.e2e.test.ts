// The desktop app as built (dist/electron), end to end through the Chromium-backed stand-in
// for 'electron': start, create a conference from a template, type, reload, export DOCX and
// PDF through the save dialog, replace only after confirmation, open a sample (as a copy),
// reopen a recent file, Open… and Save a Copy… from the menu.
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { channelOf } from '../../shared/contract/api';
import { eventChannelOf } from '../../shared/contract/events';
import { projectRoot, startDesktopApp, type DesktopApp } from './testing/desktop-harness';

let app: DesktopApp;
let page: Page;
let out: string;
const placeOf = (p: Page) => new URLSearchParams(new URL(p.url()).hash.slice(1)).get('conference');
const sha = (f: string) => createHash('sha256').update(fs.readFileSync(f)).digest('hex');
const TEXT = 'Delegates from twelve countries agreed on a common registration form.';

beforeAll(async () => {
  app = await startDesktopApp();
  page = await app.mainPage();
  out = path.join(app.dir, 'out');
  fs.mkdirSync(out);
});
afterAll(async () => {
  await app?.close();
});

const saved = () => page.getByTestId('save-status').textContent();
const exportDialog = () => page.getByRole('dialog', { name: 'Export proceedings' });

test('the first screen lists the five sample conferences', async () => {
  await expect.poll(() => page.getByRole('heading', { name: 'Samples' }).count(), { timeout: 15_000 }).toBe(1);
  const samples = page.locator('ul.file-list').last().getByRole('button');
  expect(await samples.count()).toBe(5);
  await page.screenshot({ path: path.join(app.dir, '..', 'rapporteur-desktop-home.png') });
});

test('create from a template, type, reload: the text is there', async () => {
  await page.getByLabel('Title').fill('Regional Consultation on Labour Migration');
  await page.getByRole('radio', { name: /Workshop report/ }).check();
  await page.getByRole('button', { name: 'Create conference' }).click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await page.getByLabel('Text of Objectives').click();
  await page.keyboard.type(TEXT);
  await expect.poll(saved, { timeout: 15_000 }).toBe('All changes saved');
  await page.reload();
  await expect.poll(() => page.getByLabel('Text of Objectives').textContent(), { timeout: 15_000 }).toBe(TEXT);
  expect(fs.readdirSync(app.workspaceDir)).toContain('Regional Consultation on Labour Migration.rapporteur');
});

test('Export DOCX: saved where the save dialog says, with the extension added; read back by python-docx', async () => {
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog()
    .getByLabel(/Word \(\.docx/)
    .check();
  app.electron.answerDialogs({ kind: 'save', answer: { canceled: false, filePath: path.join(out, 'proceedings') } });
  await exportDialog().getByRole('button', { name: 'Export DOCX…' }).click();
  await expect.poll(() => fs.existsSync(path.join(out, 'proceedings.docx')), { timeout: 60_000 }).toBe(true);
  const call = app.electron.dialogCalls.at(-1)!;
  expect(call.options).toMatchObject({
    title: 'Export Word document',
    properties: expect.arrayContaining(['showOverwriteConfirmation']),
  });
  expect(call.options.filters[0].extensions).toEqual(['docx']);
  const text = execFileSync(
    '/usr/bin/python3',
    [
      '-c',
      'import docx,sys; print("\\n".join(p.text for p in docx.Document(sys.argv[1]).paragraphs))',
      path.join(out, 'proceedings.docx'),
    ],
    { encoding: 'utf8' },
  );
  expect(text).toContain(TEXT);
  await expect.poll(() => page.locator('.notice').textContent()).toContain('Exported to');
});

test('Export PDF through the save dialog; its progress arrives as events sent to the window, never asked for', async () => {
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog().getByLabel(/PDF/).check();
  app.electron.answerDialogs({
    kind: 'save',
    answer: { canceled: false, filePath: path.join(out, 'proceedings.pdf') },
  });
  const from = app.electron.ipcLog.length;
  await exportDialog().getByRole('button', { name: 'Export PDF…' }).click();
  await expect.poll(() => fs.existsSync(path.join(out, 'proceedings.pdf')), { timeout: 120_000 }).toBe(true);
  const log = app.electron.ipcLog.slice(from);
  expect(log.filter((m) => m.channel === channelOf('exportStatus'))).toEqual([]);
  const progress = log
    .filter((m) => m.direction === 'send' && m.channel === eventChannelOf('exportProgress'))
    .map((m) => m.args[0] as { state: string; message: string });
  expect(progress.length).toBeGreaterThanOrEqual(3);
  expect(progress.at(-1)).toMatchObject({ state: 'done' });
  expect(progress.map((p) => p.message)).toContain('Preparing the pages');
  // The save dialog opened only after the last event: the dialog learnt the end from it.
  const done = log.findIndex((m) => m.direction === 'send' && (m.args[0] as { state?: string })?.state === 'done');
  const saveAsked = log.findIndex((m) => m.channel === channelOf('saveExport'));
  expect(done).toBeGreaterThanOrEqual(0);
  expect(saveAsked).toBeGreaterThan(done);
  expect(fs.readFileSync(path.join(out, 'proceedings.pdf')).subarray(0, 5).toString()).toBe('%PDF-');
  expect(
    execFileSync('pdftotext', [path.join(out, 'proceedings.pdf'), '-'], { encoding: 'utf8' }).replace(/\s+/g, ' '),
  ).toContain(TEXT);
});

test('an existing file is replaced only when the user confirmed it', async () => {
  const target = path.join(out, 'proceedings.docx');
  const before = sha(target);
  // Typed without the extension: the dialog asked about “proceedings”, so the app asks about proceedings.docx; No.
  await page.getByRole('button', { name: 'Export…' }).click();
  await exportDialog()
    .getByLabel(/Word \(\.docx/)
    .check();
  app.electron.answerDialogs(
    { kind: 'save', answer: { canceled: false, filePath: path.join(out, 'proceedings') } },
    { kind: 'message', answer: { response: 1 } },
  );
  await exportDialog().getByRole('button', { name: 'Export DOCX…' }).click();
  await expect.poll(() => app.electron.unansweredDialogs(), { timeout: 60_000 }).toBe(0);
  expect(app.electron.dialogCalls.at(-1)).toMatchObject({
    kind: 'message',
    options: { message: expect.stringContaining('“proceedings.docx” already exists') },
  });
  await page.waitForTimeout(500);
  expect(sha(target)).toBe(before);
  // Chosen in the dialog itself (which confirmed it): replaced.
  app.electron.answerDialogs({ kind: 'save', answer: { canceled: false, filePath: target } });
  await exportDialog().getByLabel('“DRAFT” watermark').check();
  await exportDialog().getByRole('button', { name: 'Export DOCX…' }).click();
  await expect.poll(() => sha(target), { timeout: 60_000 }).not.toBe(before);
  expect(fs.readdirSync(out).filter((f) => f.includes('.part') || f.startsWith('.'))).toEqual([]);
});

test('File → Save a Copy… goes through the save dialog', async () => {
  const copy = path.join(out, 'copy.rapporteur');
  app.electron.answerDialogs({ kind: 'save', answer: { canceled: false, filePath: copy } });
  app.electron.clickMenu('&File', 'Save a Copy…');
  await expect.poll(() => fs.existsSync(copy), { timeout: 15_000 }).toBe(true);
  expect(app.electron.dialogCalls.at(-1)!.options.defaultPath).toMatch(
    /Regional Consultation on Labour Migration \(copy\)\.rapporteur$/,
  );
  // A second copy, never opened, for the OS hand-over below.
  app.electron.answerDialogs({
    kind: 'save',
    answer: { canceled: false, filePath: path.join(out, 'proceedings-source.rapporteur') },
  });
  app.electron.clickMenu('&File', 'Save a Copy…');
  await expect
    .poll(() => fs.existsSync(path.join(out, 'proceedings-source.rapporteur')), { timeout: 15_000 })
    .toBe(true);
});

test('Save a Copy… onto the open conference itself is refused even when the dialog confirmed replacing it', async () => {
  const own = placeOf(page)!;
  const before = fs.readFileSync(own);
  app.electron.answerDialogs({ kind: 'save', answer: { canceled: false, filePath: own } });
  app.electron.clickMenu('&File', 'Save a Copy…');
  await expect
    .poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 })
    .toContain('is a conference open in Rapporteur');
  expect(fs.readFileSync(own).equals(before)).toBe(true);
  await page.getByRole('button', { name: 'Dismiss' }).click();
});

test('a sample opens as a copy in the workspace; the bundled original is untouched', async () => {
  const samplesDir = path.join(projectRoot, 'seeds', 'samples');
  const original = path.join(
    samplesDir,
    fs
      .readdirSync(samplesDir)
      .filter((f) => f.endsWith('.rapporteur'))
      .sort()[0]!,
  );
  const before = sha(original);
  app.electron.clickMenu('&File', 'Close Conference');
  await page.getByRole('button', { name: path.basename(original, '.rapporteur') }).click();
  await expect
    .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).isVisible(), { timeout: 15_000 })
    .toBe(true);
  expect(placeOf(page)).toBe(path.join(app.workspaceDir, path.basename(original)));
  app.electron.clickMenu('&File', 'Close Conference');
  await expect.poll(() => page.getByRole('button', { name: 'Create conference' }).count()).toBe(1);
  expect(sha(original)).toBe(before);
  expect(fs.existsSync(path.join(app.workspaceDir, path.basename(original)))).toBe(true);
});

test('a recent conference reopens from the first screen with its text', async () => {
  await page
    .getByRole('button', { name: /Regional Consultation on Labour Migration/ })
    .first()
    .click();
  await page.getByRole('treeitem').filter({ hasText: 'Objectives' }).locator('.outline-item').click();
  await expect.poll(() => page.getByLabel('Text of Objectives').textContent(), { timeout: 15_000 }).toBe(TEXT);
});

test('File → Open… opens what the open dialog chose; a file that is not a conference is refused by name', async () => {
  app.electron.answerDialogs({
    kind: 'open',
    answer: { canceled: false, filePaths: [path.join(out, 'copy.rapporteur')] },
  });
  app.electron.clickMenu('&File', 'Open…');
  await expect.poll(() => placeOf(page), { timeout: 15_000 }).toBe(path.join(out, 'copy.rapporteur'));
  const bad = path.join(out, 'minutes.rapporteur');
  fs.writeFileSync(bad, 'Minutes of the first session');
  app.electron.answerDialogs({ kind: 'open', answer: { canceled: false, filePaths: [bad] } });
  app.electron.clickMenu('&File', 'Open…');
  await expect.poll(() => page.getByRole('alert').textContent(), { timeout: 15_000 }).toContain('minutes.rapporteur');
  expect(fs.readFileSync(bad, 'utf8')).toBe('Minutes of the first session');
  await page.screenshot({ path: path.join(app.dir, '..', 'rapporteur-desktop-refused.png') });
});

test('File → Import Report…: the report comes from the open dialog, the import opens as a new conference', async () => {
  const seed = path.join(projectRoot, 'seeds', 'source', '004_cdd6db4c33bbf1a0.txt');
  app.electron.clickMenu('&File', 'Import Report…');
  const dialog = page.getByRole('dialog', { name: 'Import report' });
  app.electron.answerDialogs({ kind: 'open', answer: { canceled: false, filePaths: [seed] } });
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect.poll(() => dialog.textContent()).toContain('004_cdd6db4c33bbf1a0.txt');
  expect(app.electron.dialogCalls.at(-1)!.options).toMatchObject({ title: 'Import report', properties: ['openFile'] });
  expect(app.electron.dialogCalls.at(-1)!.options.filters[0].extensions).toEqual(['txt', 'md', 'markdown', 'docx']);
  await page.screenshot({ path: path.join(app.dir, '..', 'rapporteur-desktop-import.png') });
  await dialog.getByRole('button', { name: 'Import', exact: true }).click();
  await expect.poll(() => dialog.textContent(), { timeout: 60_000 }).toMatch(/Imported as “Summary report/);
  await dialog.getByRole('button', { name: 'Open the conference' }).click();
  await expect
    .poll(() => page.getByRole('navigation', { name: 'Outline of parts' }).textContent())
    .toContain('Profiling and referral mechanisms');
  // A file the dialog may return but the rules refuse (a system file) is refused by name.
  app.electron.clickMenu('&File', 'Import Report…');
  app.electron.answerDialogs({ kind: 'open', answer: { canceled: false, filePaths: ['/etc/passwd'] } });
  await dialog.getByRole('button', { name: 'Choose…' }).click();
  await expect.poll(() => dialog.getByRole('alert').textContent()).toContain('folder of the operating system');
  await dialog.getByRole('button', { name: 'Cancel' }).click();
});

test('a conference the OS hands over (a second launch with a file) opens: the path is granted', async () => {
  const file = path.join(out, 'handed over.rapporteur');
  fs.copyFileSync(path.join(out, 'proceedings-source.rapporteur'), file);
  app.electron.appEvents.emit('second-instance', {}, ['rapporteur', file], '/');
  await expect.poll(() => placeOf(page), { timeout: 15_000 }).toBe(file);
});
