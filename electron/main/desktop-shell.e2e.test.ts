// The built desktop bundle's shell under the Chromium-backed stand-in: the window's
// lock-down, the preload's surface, the IPC surface and its checks, app://, the menus.
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { channelOf, dialogChannelOf, dialogMethodNames, methodNames } from '../../shared/contract/api';
import { eventChannelOf } from '../../shared/contract/events';
import { shortcuts } from '../../shared/contract/shortcuts';
import { startDesktopApp, type DesktopApp } from './testing/desktop-harness';
import type { Page } from 'playwright-core';

/** What the preload puts on the page (only inside page.evaluate; types are erased there). */
interface DesktopWindow {
  rapporteur: {
    api: Record<string, (input: unknown) => Promise<unknown>>;
    dialogs: Record<string, unknown>;
    on: (event: string, listener: (payload: unknown) => void) => Promise<() => void>;
    platform: string;
  };
  heardMenu: unknown[];
  heardGone: unknown[];
  require?: unknown;
}

let app: DesktopApp;
let page: Page;
beforeAll(async () => {
  app = await startDesktopApp();
  page = await app.mainPage();
});
afterAll(async () => {
  await app?.close();
});

const call = (method: string, input: unknown) =>
  page.evaluate(async ([m, i]) => await (window as unknown as DesktopWindow).rapporteur.api[m]!(i), [
    method,
    input,
  ] as const) as Promise<{ ok: boolean; value?: unknown; error?: { code: string; message: string } }>;

describe('the desktop app as built', () => {
  test('asks for a single instance and opens one window, isolated, sandboxed, without Node', () => {
    const { electron } = app;
    expect(electron.singleInstance.requested).toBe(true);
    expect(electron.appEvents.listenerCount('second-instance')).toBe(1);
    expect(electron.appEvents.listenerCount('open-file')).toBe(1);
    expect(electron.windows).toHaveLength(1);
    expect(electron.windows[0]!.options.webPreferences).toMatchObject({
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webviewTag: false,
    });
    expect(String(electron.windows[0]!.options.webPreferences?.preload)).toMatch(/dist[/\\]electron[/\\]preload\.cjs$/);
    expect(electron.windows[0]!.webContents.getURL()).toBe('app://rapporteur/index.html');
  });

  test('the preload exposes exactly the contract, the dialogs and the events listener', async () => {
    const surface = await page.evaluate(() => {
      const r = (window as unknown as DesktopWindow).rapporteur;
      return {
        keys: Object.keys(r).sort(),
        api: Object.keys(r.api).sort(),
        dialogs: Object.keys(r.dialogs).sort(),
        platform: r.platform,
        node: typeof (window as unknown as DesktopWindow).require,
      };
    });
    expect(surface).toEqual({
      keys: ['api', 'dialogs', 'on', 'platform'],
      api: [...methodNames].sort(),
      dialogs: [...dialogMethodNames].sort(),
      platform: process.platform,
      node: 'undefined',
    });
  });

  test('events: only declared names may be listened to, and a payload the contract refuses never reaches the page', async () => {
    await expect(
      page.evaluate(
        async () => await (window as unknown as DesktopWindow).rapporteur.on('exportStatus', () => undefined),
      ),
    ).rejects.toThrow(/Unknown event/);
    await page.evaluate(async () => {
      (window as unknown as DesktopWindow).heardMenu = [];
      // on() answers its unsubscribe function (not awaited); a call behind it over the bridge means it is in place.
      (window as unknown as DesktopWindow).rapporteur.on('menuCommand', (m: unknown) =>
        (window as unknown as DesktopWindow).heardMenu.push(m),
      );
      await (window as unknown as DesktopWindow).rapporteur.api.listTemplates!({});
    });
    const contents = app.electron.windows[0]!.webContents;
    contents.send(eventChannelOf('menuCommand'), { command: 'editor-action' });
    contents.send(eventChannelOf('menuCommand'), { command: 'quit' });
    contents.send(eventChannelOf('menuCommand'), { command: 'find-in-conference' });
    await page.waitForFunction(() => (window as unknown as DesktopWindow).heardMenu.length > 0);
    expect(await page.evaluate(() => (window as unknown as DesktopWindow).heardMenu)).toEqual([
      { command: 'find-in-conference' },
    ]);
  });

  test('a listener removed hears nothing more, at once, as with Electron’s synchronous removeListener', async () => {
    // Subscribed and removed at once, as a React effect re-run does: the removal must not wait
    // for the subscription's round trip, during which events still arrive.
    await page.evaluate(() => {
      const w = window as unknown as DesktopWindow;
      w.heardGone = [];
      const off = w.rapporteur.on('menuCommand', (m: unknown) => w.heardGone.push(m)) as unknown as () => void;
      off();
    });
    const contents = app.electron.windows[0]!.webContents;
    for (let i = 0; i < 20; i++) {
      contents.send(eventChannelOf('menuCommand'), { command: 'find-in-conference' });
      await new Promise((r) => setImmediate(r));
    }
    await page.evaluate(async () => {
      await (window as unknown as DesktopWindow).rapporteur.api.listTemplates!({});
    });
    expect(await page.evaluate(() => (window as unknown as DesktopWindow).heardGone)).toEqual([]);
  });

  test('window.prompt is not there, as in Electron', async () => {
    await expect(page.evaluate(() => window.prompt('x'))).rejects.toThrow(/prompt\(\) is and will not be supported/);
  });

  test('one IPC handler per contract and dialog method; strangers and bad payloads are refused', async () => {
    const { ipcHandlers } = app.electron;
    expect([...ipcHandlers.keys()].sort()).toEqual(
      [...methodNames.map(channelOf), ...dialogMethodNames.map(dialogChannelOf)].sort(),
    );
    expect(await call('listTemplates', {})).toMatchObject({ ok: true });
    expect(await call('getPart', { handle: 5 })).toMatchObject({ ok: false, error: { code: 'INVALID_INPUT' } });
    const foreign = { sender: null, senderFrame: { url: 'https://evil.example/' } };
    expect(await ipcHandlers.get(channelOf('listTemplates'))!(foreign, {})).toMatchObject({
      ok: false,
      error: { message: expect.stringMatching(/Refused/) },
    });
    expect(await ipcHandlers.get(dialogChannelOf('chooseFile'))!(foreign, { purpose: 'open' })).toMatchObject({
      ok: false,
    });
  });

  test('paths the user did not give are refused: system files, hidden files, files not from a dialog', async () => {
    const refused = [
      await call('openConference', { path: '/etc/passwd' }),
      await call('importReport', { path: '/etc/passwd', fileName: 'passwd' }),
      await call('openConference', { path: `${app.dir}/elsewhere.rapporteur` }),
      await call('createConference', { templateId: 'x', path: `${app.dir}/new.rapporteur` }),
      await call('exportConference', {
        handle: 'h',
        format: 'docx',
        options: { partIds: null, annexes: true, watermark: false },
        outPath: `${app.dir}/.bashrc`,
      }),
      await call('saveExport', { jobId: '00000000-0000-4000-8000-000000000000', path: `${app.dir}/out.docx` }),
    ];
    expect(refused.map((r) => r.ok)).toEqual([false, false, false, false, false, false]);
    expect(refused[0]!.error!.message).toMatch(/folder of the operating system/);
    expect(refused[2]!.error!.message).toMatch(/only on files you chose in the app/);
    expect(refused[4]!.error!.message).toMatch(/hidden file/);
  });

  test('no navigation away, no new windows (web links go to the browser), no webview, nothing remote', async () => {
    const before = page.url();
    await page.evaluate(() => {
      window.location.href = 'https://evil.example/';
    });
    await expect.poll(() => app.electron.navigationsPrevented).toContain('https://evil.example/');
    expect(page.url()).toBe(before);
    // A web link opens in the browser after a message box showed its address; declined, nothing opens.
    app.electron.answerDialogs(
      { kind: 'message', answer: { response: 1 } },
      { kind: 'message', answer: { response: 0 } },
    );
    expect(await page.evaluate(() => window.open('https://example.org/declined'))).toBeNull();
    expect(await page.evaluate(() => window.open('https://example.org/report'))).toBeNull();
    await expect.poll(() => app.electron.opened).toContain('https://example.org/report');
    expect(app.electron.opened).not.toContain('https://example.org/declined');
    expect(app.electron.dialogCalls.filter((c) => c.kind === 'message').map((c) => c.options.detail)).toEqual([
      'https://example.org/declined',
      'https://example.org/report',
    ]);
    expect(await page.evaluate(() => window.open('file:///etc/passwd'))).toBeNull();
    expect(await page.evaluate(() => window.open('javascript:alert(1)'))).toBeNull();
    expect(app.electron.windows).toHaveLength(1);
    // The Content-Security-Policy stops a remote fetch in the page; the session's filter stops it below that.
    await expect(page.evaluate(() => fetch('https://fonts.example/x.woff2'))).rejects.toThrow();
    const filtered = (url: string) =>
      new Promise((resolve) =>
        app.electron.session.beforeRequest!({ url }, (r: { cancel: boolean }) => resolve(r.cancel)),
      );
    expect(await filtered('https://fonts.example/x.woff2')).toBe(true);
    expect(await filtered('app://rapporteur/assets/x.js')).toBe(false);
    expect(app.electron.windows[0]!.webContents.listenerCount('will-attach-webview')).toBe(1);
    let prevented = false;
    app.electron.windows[0]!.webContents.emit('will-attach-webview', {
      preventDefault: () => {
        prevented = true;
      },
    });
    expect(prevented).toBe(true);
  });

  test('permissions: requests and checks allow only the clipboard, only for the app', () => {
    const { session } = app.electron;
    const wc = app.electron.windows[0]!.webContents;
    const asked = (permission: string) => {
      let granted: boolean | undefined;
      session.permissionRequestHandler!(wc, permission, (ok: boolean) => {
        granted = ok;
      });
      return granted;
    };
    expect(asked('geolocation')).toBe(false);
    expect(asked('media')).toBe(false);
    expect(asked('clipboard-sanitized-write')).toBe(true);
    expect(session.permissionCheckHandler!(wc, 'geolocation', 'app://rapporteur')).toBe(false);
    expect(session.permissionCheckHandler!(wc, 'clipboard-sanitized-write', 'app://rapporteur')).toBe(true);
    expect(session.permissionCheckHandler!(wc, 'clipboard-sanitized-write', 'https://evil.example')).toBe(false);
  });

  test('app:// serves the renderer with the Content-Security-Policy, and nothing outside it', async () => {
    expect(app.electron.privilegedSchemes).toEqual([expect.objectContaining({ scheme: 'app' })]);
    const handler = app.electron.protocolHandlers.get('app')!;
    const res = await handler(new Request('app://rapporteur/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect((await handler(new Request('app://rapporteur/../../package.json'))).status).toBe(404);
    expect((await handler(new Request('app://other/index.html'))).status).toBe(404);
  });

  test('the usual menus; Format and Insert show the editor’s shortcuts without taking its keys', () => {
    type Item = {
      label?: string;
      role?: string;
      submenu?: Item[];
      accelerator?: string;
      registerAccelerator?: boolean;
    };
    const menu = app.electron.menuTemplate() as Item[];
    expect(menu.map((m) => m.label ?? m.role)).toEqual(expect.arrayContaining(['&File', '&Edit', '&View', 'help']));
    const file = menu
      .find((m) => m.label === '&File')!
      .submenu!.map((i) => i.label)
      .filter(Boolean);
    expect(file).toEqual(
      expect.arrayContaining([
        'New from Template…',
        'Open…',
        'Open Recent',
        'Save a Copy…',
        'Import Report…',
        'Export…',
        'Close Conference',
      ]),
    );
    const edit = menu.find((m) => m.label === '&Edit')!.submenu!;
    expect(edit.map((i) => i.role)).toEqual(expect.arrayContaining(['undo', 'redo', 'cut', 'copy', 'paste']));
    const insert = menu.find((m) => m.label === '&Insert')!.submenu!;
    expect(insert.map((i) => i.accelerator)).toEqual(shortcuts.filter((s) => s.group === 'Insert').map((s) => s.keys));
    const view = menu.find((m) => m.label === '&View')!.submenu!;
    expect(view.slice(0, 5).map((i) => i.label)).toEqual([
      'Conference Details',
      'Participants',
      'Programme',
      'Live Mode',
      'Snapshots',
    ]);
    const format = menu.find((m) => m.label === 'F&ormat')!.submenu!;
    expect(format.map((i) => [i.label, i.accelerator])).toEqual(
      expect.arrayContaining([
        ['Numbered list', 'CmdOrCtrl+Shift+7'],
        ['Bulleted list', 'CmdOrCtrl+Shift+8'],
      ]),
    );
    expect(format.map((i) => i.accelerator)).toEqual(shortcuts.filter((s) => s.group === 'Format').map((s) => s.keys));
    const registered = menu
      .flatMap((m) => m.submenu ?? [])
      .filter((i) => i.accelerator && i.registerAccelerator !== false)
      .map((i) => i.accelerator);
    const editorKeys = shortcuts.filter((s) => s.group === 'Format' || s.group === 'Insert').map((s) => s.keys);
    expect(registered.filter((k) => editorKeys.includes(k as never))).toEqual([]);
  });
});
