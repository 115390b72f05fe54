import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, test, vi } from 'vitest';
import { channelOf, methodNames } from '../../shared/contract/api';
import { shortcuts } from '../../shared/contract/shortcuts';
import { recorded } from './testing/fake-electron';

// Electron's binary cannot run here: the 'electron' module is the only thing replaced.
vi.mock('electron', () => import('./testing/fake-electron'));

let appDir: string;
beforeAll(async () => {
  appDir = fs.mkdtempSync(path.join(os.tmpdir(), 'rapporteur-main-'));
  fs.mkdirSync(path.join(appDir, 'dist', 'renderer'), { recursive: true });
  fs.writeFileSync(path.join(appDir, 'dist', 'renderer', 'index.html'), '<!doctype html><title>Rapporteur</title>');
  recorded.appPath = appDir;
  await import('./main');
  await vi.waitFor(() => expect(recorded.windows).toHaveLength(1));
});

const trusted = { senderFrame: { url: 'app://rapporteur/index.html' } };

describe('the Electron main process', () => {
  test('asks for a single instance', () => {
    expect(recorded.singleInstanceRequested).toBe(true);
    expect(recorded.appEvents.has('second-instance')).toBe(true);
    expect(recorded.appEvents.has('open-file')).toBe(true);
  });

  test('opens one window with the renderer isolated, sandboxed and without Node', () => {
    const win = recorded.windows[0]!;
    expect(win.options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false, webviewTag: false });
    expect(String(win.options.webPreferences?.preload)).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(win.webContents.loadedUrl).toBe('app://rapporteur/index.html');
  });

  test('denies window.open, navigation away, remote requests and permissions', () => {
    const wc = recorded.windows[0]!.webContents;
    expect(wc.windowOpenHandler!({ url: 'https://example.org' })).toEqual({ action: 'deny' });
    let prevented = false;
    wc.events.get('will-navigate')!({ preventDefault: () => { prevented = true; } }, 'https://evil.example/');
    expect(prevented).toBe(true);
    let cancelled: boolean | undefined;
    wc.beforeRequest!({ url: 'https://fonts.example/x.woff2' }, (r: { cancel: boolean }) => { cancelled = r.cancel; });
    expect(cancelled).toBe(true);
    wc.beforeRequest!({ url: 'app://rapporteur/assets/x.js' }, (r: { cancel: boolean }) => { cancelled = r.cancel; });
    expect(cancelled).toBe(false);
    let granted: boolean | undefined;
    wc.permissionHandler!(null, 'geolocation', (ok: boolean) => { granted = ok; });
    expect(granted).toBe(false);
  });

  test('serves the renderer over app:// with the Content-Security-Policy, and nothing outside it', async () => {
    expect(recorded.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = recorded.protocolHandlers.get('app')!;
    const res = await handler(new Request('app://rapporteur/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await res.text()).toContain('<title>Rapporteur</title>');
    expect((await handler(new Request('app://rapporteur/../../package.json'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  test('registers exactly one IPC handler per contract method, each validating its payload', async () => {
    expect([...recorded.ipcHandlers.keys()].sort()).toEqual(methodNames.map(channelOf).sort());
    const listTemplates = recorded.ipcHandlers.get(channelOf('listTemplates'))!;
    const ok = await listTemplates(trusted, {});
    expect(ok.ok).toBe(true);
    const bad = await recorded.ipcHandlers.get(channelOf('getPart'))!(trusted, { handle: 5 });
    expect(bad).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const foreign = await listTemplates({ senderFrame: { url: 'https://evil.example/' } }, {});
    expect(foreign).toMatchObject({ ok: false, error: { message: expect.stringMatching(/Refused/) } });
  });

  test('has the usual menus, with File → New from template, Open, Open Recent, Save a Copy, Import, Export, Close', () => {
    type Item = { label?: string; role?: string; submenu?: Item[]; accelerator?: string };
    const menu = recorded.menu as Item[];
    const labels = menu.map((m) => m.label ?? m.role);
    expect(labels).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', 'help']));
    const file = menu.find((m) => m.label === '&File')!.submenu!.map((i) => i.label).filter(Boolean);
    expect(file).toEqual(expect.arrayContaining(['New from Template…', 'Open…', 'Open Recent', 'Save a Copy…', 'Import Report…', 'Export…', 'Close Conference']));
    const edit = menu.find((m) => m.label === '&Edit')!.submenu!;
    expect(edit.map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste']));
    expect(edit.find((i) => i.label === 'Find and Replace…')?.accelerator).toBe('CmdOrCtrl+F');
  });

  test('Format and Insert show the editor’s shortcuts without taking its keys', () => {
    type Item = { label?: string; role?: string; submenu?: Item[]; accelerator?: string; registerAccelerator?: boolean };
    const menu = recorded.menu as Item[];
    const insert = menu.find((m) => m.label === '&Insert')!.submenu!;
    expect(insert.map((i) => i.accelerator)).toEqual(shortcuts.filter((s) => s.group === 'Insert').map((s) => s.keys));
    expect(menu.find((m) => m.label === 'F&ormat')!.submenu!.map((i) => i.label)).toEqual(expect.arrayContaining(['Bold', 'Italic', 'Underline']));
    // A registered menu accelerator would swallow the key before the editor sees it (Ctrl+I is italic).
    const registered = menu.flatMap((m) => m.submenu ?? []).filter((i) => i.accelerator && i.registerAccelerator !== false).map((i) => i.accelerator);
    const editorKeys = shortcuts.filter((s) => s.group === 'Format' || s.group === 'Insert').map((s) => s.keys);
    expect(registered.filter((k) => editorKeys.includes(k as never))).toEqual([]);
  });
});
