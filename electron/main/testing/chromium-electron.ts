// A stand-in for the 'electron' module backed by a real Chromium (playwright-core), for
// loading the BUILT desktop bundle (dist/electron/main.cjs, preload.cjs) in plain Node.
// Electron's binary cannot run here; everything else is real: the renderer runs in
// Chromium, the preload bundle runs in a sandbox like Electron's, IPC goes through the
// main bundle's ipcMain handlers, app:// is answered by its protocol handler, and dialogs
// answer from a script the test writes. Where Electron differs from a browser, the
// stand-in behaves like Electron (window.prompt throws, navigation asks will-navigate).
/* eslint-disable @typescript-eslint/no-explicit-any, @typescript-eslint/no-this-alias, @typescript-eslint/no-unsafe-function-type --
   a stand-in for Electron's untyped runtime surface: the built bundle calls it with whatever Electron accepts,
   and a window is the module's notion of "focused" as Electron's is. */
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import vm from 'node:vm';
import type { BrowserContext, Page, Request as PwRequest, Route } from 'playwright-core';

type Handler = (...args: any[]) => any;

/** app://rapporteur/… is shown to Chromium as this https origin (a secure context, like Electron's privileged scheme). */
export const PAGE_ORIGIN = 'https://rapporteur.app-scheme.test';
const APP_PREFIX = 'app://rapporteur';

export const toPageUrl = (url: string): string =>
  url.startsWith(`${APP_PREFIX}/`) ? PAGE_ORIGIN + url.slice(APP_PREFIX.length) : url;
export const toAppUrl = (url: string): string =>
  url.startsWith(`${PAGE_ORIGIN}/`) ? APP_PREFIX + url.slice(PAGE_ORIGIN.length) : url;

const MIME: Record<string, string> = {
  '.html': 'text/html',
  '.js': 'text/javascript',
  '.mjs': 'text/javascript',
  '.css': 'text/css',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.woff2': 'font/woff2',
  '.woff': 'font/woff',
  '.ttf': 'font/ttf',
  '.ico': 'image/x-icon',
  '.pdf': 'application/pdf',
  '.wasm': 'application/wasm',
};

/**
 * A function to run in the page, as an init script's source. Under tsx, esbuild's keepNames
 * wraps named functions in a __name() helper that the page does not have: give it one.
 */
const inPage = (fn: (arg: any) => void, arg?: unknown) => ({
  content: `(() => { const __name = (f) => f; (${fn.toString()})(${JSON.stringify(arg ?? null)}); })();`,
});

class Emitter {
  private readonly listeners = new Map<string, Handler[]>();
  on(event: string, h: Handler) {
    this.listeners.set(event, [...(this.listeners.get(event) ?? []), h]);
    return this;
  }
  once(event: string, h: Handler) {
    const wrapped: Handler = (...args) => {
      this.removeListener(event, wrapped);
      return h(...args);
    };
    return this.on(event, wrapped);
  }
  removeListener(event: string, h: Handler) {
    this.listeners.set(
      event,
      (this.listeners.get(event) ?? []).filter((x) => x !== h),
    );
    return this;
  }
  off(event: string, h: Handler) {
    return this.removeListener(event, h);
  }
  emit(event: string, ...args: unknown[]) {
    for (const h of [...(this.listeners.get(event) ?? [])]) h(...args);
    return (this.listeners.get(event)?.length ?? 0) > 0;
  }
  listenerCount(event: string) {
    return this.listeners.get(event)?.length ?? 0;
  }
}

/** What a dialog answers, scripted by the test in the order the dialogs will open. */
export type ScriptedDialog =
  | { kind: 'open'; answer: { canceled: boolean; filePaths: string[] } }
  | { kind: 'save'; answer: { canceled: boolean; filePath?: string } }
  | { kind: 'message'; answer: { response: number; checkboxChecked?: boolean } };

/** Electron's default session, shared by every window (one playwright BrowserContext). */
class Session {
  permissionRequestHandler: Handler | null = null;
  permissionCheckHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  spellCheckerLanguages: string[] = [];
  readonly availableSpellCheckerLanguages = ['en-GB', 'en-US', 'es', 'fr', 'pt-BR'];
  readonly webRequest = {
    onBeforeRequest: (h: Handler) => {
      this.beforeRequest = h;
    },
  };
  setPermissionRequestHandler(h: Handler) {
    this.permissionRequestHandler = h;
  }
  setPermissionCheckHandler(h: Handler) {
    this.permissionCheckHandler = h;
  }
  setSpellCheckerLanguages(l: string[]) {
    this.spellCheckerLanguages = l;
  }
}

export interface StandInOptions {
  context: BrowserContext;
  appPath: string;
  /** app.getPath(name) is <userDir>/<name>. */
  userDir: string;
  isPackaged?: boolean;
}

/** Builds the stand-in module and the controls a test drives it with. */
export function createChromiumElectron(options: StandInOptions) {
  const { context } = options;
  const session = new Session();
  const ipcHandlers = new Map<string, Handler>();
  const ipcListeners = new Emitter();
  const windows: StandInWindow[] = [];
  const dialogScript: ScriptedDialog[] = [];
  const dialogCalls: { kind: ScriptedDialog['kind']; options: Record<string, any> }[] = [];
  const protocolHandlers = new Map<string, (req: Request) => Promise<Response>>();
  const privilegedSchemes: unknown[] = [];
  const opened: string[] = [];
  const pageErrors: string[] = [];
  const aborted: string[] = [];
  const navigationsPrevented: string[] = [];
  /** Every IPC message both ways, in order: the renderer's invokes and the main process's webContents.send. */
  const ipcLog: { direction: 'invoke' | 'send'; channel: string; args: unknown[] }[] = [];
  let menu: { template: any[] } | null = null;
  const singleInstance = { requested: false };
  let focused: StandInWindow | null = null;
  let nextId = 1;
  const appEvents = new Emitter();

  // ---- app:// and the session's request filter, for every request of every window ----
  const routeRequest = async (route: Route, request: PwRequest) => {
    const url = toAppUrl(request.url());
    const win = windows.find((w) => w.pageIfReady === request.frame().page());
    const wc = win?.webContents;
    if (
      wc &&
      request.isNavigationRequest() &&
      request.frame() === request.frame().page().mainFrame() &&
      !wc.loadingFromMain
    ) {
      let prevented = false;
      wc.emit(
        'will-navigate',
        {
          preventDefault: () => {
            prevented = true;
          },
          url,
        },
        url,
      );
      if (prevented) {
        navigationsPrevented.push(url);
        return route.abort('aborted');
      }
    }
    if (session.beforeRequest) {
      const cancel = await new Promise<boolean>((resolve) => {
        session.beforeRequest!(
          { url, method: request.method(), resourceType: request.resourceType(), webContents: wc },
          (r: { cancel?: boolean }) => resolve(Boolean(r?.cancel)),
        );
      });
      if (cancel) {
        aborted.push(url);
        return route.abort('blockedbyclient');
      }
    }
    const scheme = url.slice(0, url.indexOf(':'));
    const handler = protocolHandlers.get(scheme);
    if (!handler) {
      aborted.push(url);
      return route.abort('internetdisconnected');
    }
    const response = await handler(new Request(url, { method: request.method(), headers: request.headers() }));
    const headers: Record<string, string> = {};
    response.headers.forEach((v, k) => {
      headers[k] = v;
    });
    return route.fulfill({ status: response.status, headers, body: Buffer.from(await response.arrayBuffer()) });
  };
  const routed = context.route('**/*', routeRequest);
  // A caller may close the browser before any window loads (a bundle that fails to load);
  // the route's rejection then matters only to a window that awaits it below.
  routed.catch(() => {});

  class WebContents extends Emitter {
    readonly id = nextId++;
    readonly session = session;
    windowOpenHandler: Handler | null = null;
    loadingFromMain = false;
    loading = false;
    url = '';
    /** The preload's ipcRenderer listeners, for webContents.send. */
    readonly rendererListeners = new Emitter();
    constructor(readonly owner: StandInWindow) {
      super();
    }
    setWindowOpenHandler(h: Handler) {
      this.windowOpenHandler = h;
    }
    isLoading() {
      return this.loading;
    }
    getURL() {
      return this.url;
    }
    isDestroyed() {
      return this.owner.destroyed;
    }
    send(channel: string, ...args: unknown[]) {
      // IPC serialises what it carries, as structured clones.
      ipcLog.push({ direction: 'send', channel, args: structuredClone(args) });
      this.rendererListeners.emit(channel, { sender: null }, ...structuredClone(args));
    }
    loadURL(url: string) {
      return this.owner.loadURL(url);
    }
    loadFile(file: string) {
      return this.owner.loadFile(file);
    }
    async executeJavaScript(code: string) {
      return (await this.owner.page).evaluate(code);
    }
    /** What a contextBridge call reports as its sender: the frame's URL as Electron names it. */
    senderEvent() {
      return {
        sender: this,
        senderFrame: { url: toAppUrl(this.owner.pageIfReady?.mainFrame().url() ?? '') },
        frameId: 1,
        processId: 1,
      };
    }
  }

  class StandInWindow extends Emitter {
    readonly webContents: WebContents;
    readonly page: Promise<Page>;
    pageIfReady: Page | null = null;
    destroyed = false;
    visible = false;
    /** What the preload exposed with contextBridge, by key. */
    readonly exposed = new Map<string, unknown>();

    constructor(readonly options: { show?: boolean; webPreferences?: Record<string, any> } = {}) {
      super();
      this.webContents = new WebContents(this);
      windows.push(this);
      focused = this;
      this.page = this.setUp();
      appEvents.emit('web-contents-created', {}, this.webContents);
    }

    private async setUp(): Promise<Page> {
      await routed;
      const page = await context.newPage();
      this.pageIfReady = page;
      page.on('pageerror', (e) => pageErrors.push(e.message));
      page.on('console', (m) => this.webContents.emit('console-message', { message: m.text(), level: m.type() }));
      page.on('popup', (popup) => {
        // A link with target=_blank: Electron asks the window-open handler; a denied window never opens.
        const answer = this.webContents.windowOpenHandler?.({
          url: toAppUrl(popup.url()),
          disposition: 'foreground-tab',
        }) ?? { action: 'allow' };
        if (answer.action === 'deny') void popup.close();
      });
      // Electron does not implement window.prompt; window.open goes through the window-open handler.
      await page.exposeBinding('__electronWindowOpen', (_source: unknown, url: string) => {
        const answer = this.webContents.windowOpenHandler?.({
          url: toAppUrl(new URL(url, page.url()).toString()),
          disposition: 'new-window',
        }) ?? { action: 'allow' };
        return answer.action === 'allow';
      });
      await page.addInitScript(
        inPage(() => {
          window.prompt = () => {
            throw new Error('prompt() is and will not be supported.');
          };
          const open = window.open.bind(window);
          window.open = ((url?: string | URL, ...rest: string[]) => {
            void (window as any).__electronWindowOpen(String(url ?? '')).then((ok: boolean) => {
              if (ok) open(url, ...rest);
            });
            return null;
          }) as typeof window.open;
        }),
      );
      const preload = this.options.webPreferences?.preload as string | undefined;
      if (preload) await this.runPreload(page, preload);
      return page;
    }

    /**
     * Runs the preload bundle as Electron runs a sandboxed preload: a CommonJS wrapper whose
     * require knows only 'electron' (renderer side) and a few built-ins. What it exposes
     * with contextBridge appears in the page as plain functions that call back into it.
     */
    private async runPreload(page: Page, file: string) {
      const rendererElectron = {
        contextBridge: {
          exposeInMainWorld: (key: string, value: unknown) => {
            this.exposed.set(key, value);
          },
        },
        ipcRenderer: {
          invoke: async (channel: string, ...args: unknown[]) => {
            ipcLog.push({ direction: 'invoke', channel, args: structuredClone(args) });
            const handler = ipcHandlers.get(channel);
            if (!handler)
              throw new Error(
                `Error invoking remote method '${channel}': Error: No handler registered for '${channel}'`,
              );
            return structuredClone(await handler(this.webContents.senderEvent(), ...structuredClone(args)));
          },
          send: (channel: string, ...args: unknown[]) => {
            ipcListeners.emit(channel, this.webContents.senderEvent(), ...structuredClone(args));
          },
          on: (channel: string, h: Handler) => {
            this.webContents.rendererListeners.on(channel, h);
            return rendererElectron.ipcRenderer;
          },
          once: (channel: string, h: Handler) => {
            this.webContents.rendererListeners.once(channel, h);
            return rendererElectron.ipcRenderer;
          },
          removeListener: (channel: string, h: Handler) => {
            this.webContents.rendererListeners.removeListener(channel, h);
            return rendererElectron.ipcRenderer;
          },
          off: (channel: string, h: Handler) => {
            this.webContents.rendererListeners.removeListener(channel, h);
            return rendererElectron.ipcRenderer;
          },
        },
      };
      const builtins: Record<string, unknown> = {
        electron: rendererElectron,
        events: await import('node:events'),
        timers: await import('node:timers'),
        url: await import('node:url'),
      };
      const sandboxRequire = (id: string) => {
        if (!(id in builtins)) throw new Error(`module not found: ${id}`); // Electron's words for a sandboxed preload
        return builtins[id];
      };
      const sandboxProcess = {
        platform: process.platform,
        arch: process.arch,
        versions: { ...process.versions, electron: '45.4.1' },
        env: {},
        type: 'renderer',
        sandboxed: true,
      };
      const module = { exports: {} as unknown };
      const wrapper = vm.runInThisContext(
        `(function (exports, require, module, __filename, __dirname, process) {${fs.readFileSync(file, 'utf8')}\n})`,
        { filename: file },
      );
      wrapper(module.exports, sandboxRequire, module, file, path.dirname(file), sandboxProcess);

      // contextBridge: functions are proxied both ways, values are copied.
      const returned = new Map<number, Handler>();
      let nextFn = 0;
      const describe = (v: unknown): unknown => {
        if (typeof v === 'function') return { kind: 'function' };
        if (v && typeof v === 'object')
          return { kind: 'object', entries: Object.fromEntries(Object.entries(v).map(([k, x]) => [k, describe(x)])) };
        return { kind: 'value', value: v };
      };
      const shape = Object.fromEntries([...this.exposed].map(([k, v]) => [k, describe(v)]));
      await page.exposeBinding(
        '__electronContextBridge',
        async (_source: unknown, msg: { path?: string[]; fn?: number; args: unknown[] }) => {
          const args = msg.args.map((a) =>
            a && typeof a === 'object' && '__callback' in a
              ? (...cbArgs: unknown[]) =>
                  void page
                    .evaluate(([id, xs]) => (globalThis as any)[Symbol.for('electron.callbacks')].get(id)?.(...xs), [
                      (a as { __callback: number }).__callback,
                      structuredClone(cbArgs),
                    ] as const)
                    .catch(() => undefined)
              : a,
          );
          let fn: Handler | undefined;
          if (msg.fn !== undefined) fn = returned.get(msg.fn);
          else {
            let target: any = this.exposed.get(msg.path![0]!);
            for (const key of msg.path!.slice(1)) target = target?.[key];
            fn = target;
          }
          if (typeof fn !== 'function') throw new Error('Not a function exposed by the preload.');
          // Values are copied; functions anywhere in them become proxies, as contextBridge does.
          const toPage = (v: unknown): unknown => {
            if (typeof v === 'function') {
              returned.set(++nextFn, v as Handler);
              return { __function: nextFn };
            }
            if (Array.isArray(v)) return v.map(toPage);
            if (v && typeof v === 'object' && Object.getPrototypeOf(v) === Object.prototype)
              return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, toPage(x)]));
            return v === undefined ? undefined : structuredClone(v);
          };
          return toPage(await fn(...args));
        },
      );
      await page.addInitScript(
        inPage((exposedShape: Record<string, any>) => {
          const callbacks = new Map<number, Function>();
          let next = 0;
          Object.defineProperty(globalThis, Symbol.for('electron.callbacks'), { value: callbacks });
          const bridge = (globalThis as any).__electronContextBridge as (m: unknown) => Promise<any>;
          const wrapArg = (a: unknown) =>
            typeof a === 'function' ? (callbacks.set(++next, a), { __callback: next }) : a;
          // contextBridge calls are synchronous in Electron; over this async transport a call gives
          // back a function that is also a promise, so `await api.x()` and `const off = onMenu(…); off()` both work.
          const isFn = (r: any) => r && typeof r === 'object' && !Array.isArray(r) && '__function' in r;
          const fromNode = (r: any): any => {
            if (isFn(r)) return call({ fn: r.__function, args: [] }, r.__function);
            if (Array.isArray(r)) return r.map(fromNode);
            if (r && typeof r === 'object')
              return Object.fromEntries(Object.entries(r).map(([k, x]) => [k, fromNode(x)]));
            return r;
          };
          const call = (msg: Record<string, unknown>, proxyOf?: number): any => {
            if (proxyOf !== undefined)
              return (...xs: unknown[]) => bridge({ fn: proxyOf, args: xs.map(wrapArg) }).then(fromNode);
            const result = bridge(msg);
            // The function a call that took listeners gives back is their unsubscribe (the preload's
            // `on`). Electron runs it at once; here the page forgets the listeners at once, so an event
            // sent before the removal reaches Node is not delivered to a listener already gone.
            const listeners = ((msg.args as unknown[]) ?? []).flatMap((a: any) =>
              a && typeof a === 'object' && '__callback' in a ? [a.__callback as number] : [],
            );
            const fn = (...xs: unknown[]) => {
              for (const id of listeners) callbacks.delete(id);
              return result.then((r) =>
                isFn(r) ? bridge({ fn: r.__function, args: xs.map(wrapArg) }).then(fromNode) : undefined,
              );
            };
            (fn as any).then = (ok: any, ko: any) => result.then((r) => (isFn(r) ? fn : fromNode(r))).then(ok, ko);
            return fn;
          };
          const build = (node: any, at: string[]): unknown => {
            if (node.kind === 'function') return (...args: unknown[]) => call({ path: at, args: args.map(wrapArg) });
            if (node.kind === 'object')
              return Object.freeze(
                Object.fromEntries(Object.entries(node.entries).map(([k, v]) => [k, build(v, [...at, k])])),
              );
            return node.value;
          };
          for (const [key, node] of Object.entries(exposedShape))
            Object.defineProperty(window, key, { value: build(node, [key]), enumerable: true });
        }, shape),
      );
    }

    async loadURL(url: string) {
      const page = await this.page;
      this.webContents.loading = true;
      this.webContents.loadingFromMain = true;
      try {
        await page.goto(toPageUrl(url));
      } finally {
        this.webContents.loadingFromMain = false;
        this.webContents.loading = false;
      }
      this.webContents.url = url;
      this.webContents.emit('did-finish-load');
      if (this.options.show !== false || this.listenerCount('ready-to-show')) this.emit('ready-to-show');
    }
    loadFile(file: string) {
      return this.loadURL(pathToFileURL(path.resolve(file)).toString());
    }
    show() {
      this.visible = true;
    }
    focus() {
      focused = this;
    }
    isMinimized() {
      return false;
    }
    restore() {}
    isDestroyed() {
      return this.destroyed;
    }
    destroy() {
      this.destroyed = true;
      windows.splice(windows.indexOf(this), 1);
      if (focused === this) focused = windows.at(-1) ?? null;
      void this.page.then((p) => p.close());
    }
    close() {
      this.destroy();
    }
    static getAllWindows() {
      return [...windows];
    }
    static getFocusedWindow() {
      return focused;
    }
    static fromWebContents(wc: WebContents) {
      return windows.find((w) => w.webContents === wc) ?? null;
    }
  }

  const answerDialog = (kind: ScriptedDialog['kind'], args: unknown[]) => {
    const opts = (args.length > 1 ? args[1] : args[0]) as Record<string, any>;
    dialogCalls.push({ kind, options: opts });
    const next = dialogScript.shift();
    if (!next) throw new Error(`A ${kind} dialog opened that the test did not script (${opts?.title ?? 'untitled'}).`);
    if (next.kind !== kind)
      throw new Error(`Expected a ${next.kind} dialog, but a ${kind} dialog opened (${opts?.title ?? 'untitled'}).`);
    return next.answer;
  };

  const electron = {
    app: Object.assign(appEvents, {
      isPackaged: options.isPackaged ?? false,
      getAppPath: () => options.appPath,
      getPath: (name: string) => path.join(options.userDir, name),
      getName: () => 'Rapporteur',
      getVersion: () => '0.0.0-test',
      requestSingleInstanceLock: () => {
        singleInstance.requested = true;
        return true;
      },
      whenReady: () => Promise.resolve(),
      isReady: () => true,
      quit: () => {
        appEvents.emit('before-quit', { preventDefault() {} });
      },
      addRecentDocument: (file: string) => {
        opened.push(file);
      },
      clearRecentDocuments: () => {},
      setAboutPanelOptions: () => {},
      showAboutPanel: () => {},
    }),
    protocol: {
      registerSchemesAsPrivileged: (schemes: unknown[]) => {
        privilegedSchemes.push(...schemes);
      },
      handle: (scheme: string, h: (req: Request) => Promise<Response>) => {
        protocolHandlers.set(scheme, h);
      },
    },
    net: {
      // Like Electron's net.fetch for file: URLs: the bytes with a content type, or a rejection.
      fetch: async (url: string) => {
        const file = fileURLToPath(url);
        const body = await fs.promises.readFile(file);
        return new Response(body, {
          status: 200,
          headers: { 'content-type': MIME[path.extname(file).toLowerCase()] ?? 'application/octet-stream' },
        });
      },
    },
    ipcMain: {
      handle: (channel: string, h: Handler) => {
        if (ipcHandlers.has(channel)) throw new Error(`Attempted to register a second handler for '${channel}'`);
        ipcHandlers.set(channel, h);
      },
      removeHandler: (channel: string) => {
        ipcHandlers.delete(channel);
      },
      on: (channel: string, h: Handler) => ipcListeners.on(channel, h),
    },
    Menu: {
      buildFromTemplate: (template: any[]) => ({ template }),
      setApplicationMenu: (m: { template: any[] } | null) => {
        menu = m;
      },
      getApplicationMenu: () => menu,
    },
    dialog: {
      showOpenDialog: async (...args: unknown[]) => answerDialog('open', args),
      showSaveDialog: async (...args: unknown[]) => answerDialog('save', args),
      showMessageBox: async (...args: unknown[]) => answerDialog('message', args),
      showErrorBox: (title: string, content: string) => {
        dialogCalls.push({ kind: 'message', options: { title, message: content } });
      },
    },
    shell: {
      openExternal: async (url: string) => {
        opened.push(url);
      },
      showItemInFolder: (file: string) => {
        opened.push(file);
      },
    },
    session: { defaultSession: session },
    BrowserWindow: StandInWindow,
  };

  const control = {
    electron,
    session,
    windows,
    ipcHandlers,
    protocolHandlers,
    privilegedSchemes,
    dialogCalls,
    /** Script the next dialogs, in the order they will open. */
    answerDialogs(...answers: ScriptedDialog[]) {
      dialogScript.push(...answers);
    },
    unansweredDialogs: () => dialogScript.length,
    /** URLs opened with shell.openExternal, files shown in the OS. */
    opened,
    /** Requests the session's filter refused, or that no protocol handler answered. */
    aborted,
    /** Navigations a will-navigate handler prevented. */
    navigationsPrevented,
    ipcLog,
    pageErrors,
    appEvents,
    singleInstance,
    menuTemplate: () => menu?.template ?? [],
    /** Clicks a menu item by its labels (e.g. '&File', 'Open…'), as the focused window's menu would. */
    clickMenu(...labels: string[]) {
      let items = menu?.template ?? [];
      let item: any;
      for (const label of labels) {
        item = items.find((i: any) => i.label === label);
        if (!item)
          throw new Error(`No menu item “${label}” (have: ${items.map((i: any) => i.label ?? i.role).join(', ')})`);
        items = item.submenu ?? [];
      }
      return item.click(item, focused, {});
    },
    focusedWindow: () => focused,
  };
  return control;
}

export type ChromiumElectron = ReturnType<typeof createChromiumElectron>;
