// A stand-in for the 'electron' module, which cannot run on machines without Electron's
// binary. It records what the main process asks of Electron so tests can check the
// security settings, the IPC surface and the menu. Used only by electron/main tests.
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

type Handler = (...args: any[]) => any;

export const recorded = {
  appPath: '',
  privilegedSchemes: [] as unknown[],
  protocolHandlers: new Map<string, (req: Request) => Promise<Response>>(),
  ipcHandlers: new Map<string, Handler>(),
  windows: [] as FakeBrowserWindow[],
  menu: null as unknown,
  appEvents: new Map<string, Handler[]>(),
  singleInstanceRequested: false,
};

class FakeWebContents {
  readonly events = new Map<string, Handler>();
  windowOpenHandler: Handler | null = null;
  loadedUrl = '';
  session = {
    setPermissionRequestHandler: (h: Handler) => { this.permissionHandler = h; },
    webRequest: { onBeforeRequest: (h: Handler) => { this.beforeRequest = h; } },
  };
  permissionHandler: Handler | null = null;
  beforeRequest: Handler | null = null;
  on(event: string, h: Handler) { this.events.set(event, h); return this; }
  once(event: string, h: Handler) { this.events.set(event, h); return this; }
  setWindowOpenHandler(h: Handler) { this.windowOpenHandler = h; }
  isLoading() { return false; }
  send() { /* recorded elsewhere if needed */ }
}

export class FakeBrowserWindow {
  readonly webContents = new FakeWebContents();
  constructor(readonly options: { webPreferences?: Record<string, unknown> }) { recorded.windows.push(this); }
  once() { return this; }
  loadURL(url: string) { this.webContents.loadedUrl = url; return Promise.resolve(); }
  isMinimized() { return false; }
  restore() {}
  focus() {}
  static getAllWindows() { return recorded.windows; }
  static getFocusedWindow() { return recorded.windows[0] ?? null; }
}

const on = (event: string, h: Handler) => {
  recorded.appEvents.set(event, [...(recorded.appEvents.get(event) ?? []), h]);
};

export const app = {
  isPackaged: false,
  getAppPath: () => recorded.appPath,
  getPath: (name: string) => `${recorded.appPath}/.fake-electron/${name}`,
  requestSingleInstanceLock: () => { recorded.singleInstanceRequested = true; return true; },
  whenReady: () => Promise.resolve(),
  on,
  quit: () => {},
  showAboutPanel: () => {},
};

export const protocol = {
  registerSchemesAsPrivileged: (schemes: unknown[]) => { recorded.privilegedSchemes.push(...schemes); },
  handle: (scheme: string, h: (req: Request) => Promise<Response>) => { recorded.protocolHandlers.set(scheme, h); },
};

export const net = {
  fetch: async (url: string) => new Response(fs.readFileSync(fileURLToPath(url)), { status: 200 }),
};

export const ipcMain = { handle: (channel: string, h: Handler) => { recorded.ipcHandlers.set(channel, h); } };

export const Menu = {
  buildFromTemplate: (template: unknown) => template,
  setApplicationMenu: (menu: unknown) => { recorded.menu = menu; },
};

export const dialog = { showOpenDialog: async () => ({ canceled: true, filePaths: [] }), showSaveDialog: async () => ({ canceled: true }) };
export const shell = { openExternal: async () => {} };
export const BrowserWindow = FakeBrowserWindow;

// ---- the renderer side, for the preload ----
export const exposed = new Map<string, unknown>();
export const invoked: [string, unknown][] = [];
export const contextBridge = { exposeInMainWorld: (key: string, value: unknown) => { exposed.set(key, value); } };
export const ipcRenderer = {
  invoke: async (channel: string, payload: unknown) => { invoked.push([channel, payload]); return { ok: true, value: channel }; },
  on: () => {},
  removeListener: () => {},
};
