import { type Api, type DialogMethodName, type MethodName, methodNames } from '../../shared/contract/api';
import type { Result } from '../../shared/contract/dispatch';
import { type EventName, type EventPayload, isEventName, parseEvent } from '../../shared/contract/events';
import type { MenuMessage } from '../../shared/contract/menu';
import { AppError, type SerializedError } from '../../shared/errors';
import { keepUnsavedText, UNSAVED_TEXT_MESSAGES } from './unsaved-text';
import { localizeError } from '../../shared/i18n/app-error';
import { t, uiLanguage } from './i18n';

/** What the Electron preload exposes on `window.rapporteur` (electron/preload/preload.ts). */
export interface DesktopBridge {
  /** One function per contract method; each resolves to the dispatch Result (never rejects with our errors). */
  api: Record<MethodName, (input: unknown) => Promise<Result>>;
  /** Native dialogs (the dialog contract); same Result shape. */
  dialogs: Record<DialogMethodName, (input: unknown) => Promise<Result>>;
  /** Listens to one event of the contract (validated by the preload); returns the unsubscribe. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void;
  platform: string;
}

declare global {
  interface Window {
    rapporteur?: DesktopBridge;
  }
}

/** An error from the services, with its code; its message is meant for the user (see errorMessage). */
export class ApiError extends Error {
  constructor(
    readonly code: SerializedError['code'],
    message: string,
    readonly key?: string,
    readonly values?: SerializedError['values'],
  ) {
    super(message);
    this.name = 'ApiError';
  }
}

const apiError = (e: SerializedError) => new ApiError(e.code, e.message, e.key, e.values);

const TOKEN_KEY = 'rapporteur.token';

/** Browser mode: the token arrives once in the URL, then lives in this tab's session storage. */
function takeToken(): string {
  const url = new URL(window.location.href);
  const fromUrl = url.searchParams.get('token');
  if (fromUrl) {
    sessionStorage.setItem(TOKEN_KEY, fromUrl);
    url.searchParams.delete('token');
    window.history.replaceState(null, '', url.toString());
  }
  return sessionStorage.getItem(TOKEN_KEY) ?? '';
}

function httpApi(): Api {
  const token = takeToken();
  const call = async (method: MethodName, input: unknown): Promise<unknown> => {
    let res: Response;
    try {
      res = await fetch(`/api/${method}`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-rapporteur-token': token },
        body: JSON.stringify(input ?? {}),
      });
    } catch {
      throw new ApiError('IO', UNSAVED_TEXT_MESSAGES.unreachable);
    }
    // The token is this run's: a 401 means the service was restarted (or stopped) since the tab opened.
    if (res.status === 401) throw new ApiError('IO', UNSAVED_TEXT_MESSAGES.sessionEnded);
    const body = (await res.json().catch(() => null)) as {
      ok: boolean;
      value?: unknown;
      error?: SerializedError;
    } | null;
    if (!body) throw new ApiError('INTERNAL', t('app:unsaved.noBody', { status: res.status }));
    if (!body.ok) throw apiError(body.error!);
    return body.value;
  };
  return Object.fromEntries(methodNames.map((m) => [m, (input: unknown) => call(m, input)])) as Api;
}

function desktopApi(bridge: DesktopBridge): Api {
  return Object.fromEntries(
    methodNames.map((m) => [
      m,
      async (input: unknown) => {
        const result = await bridge.api[m](input);
        if (!result.ok) throw apiError(result.error);
        return result.value;
      },
    ]),
  ) as Api;
}

export const isDesktop = typeof window !== 'undefined' && window.rapporteur !== undefined;
export const api: Api = keepUnsavedText(isDesktop ? desktopApi(window.rapporteur!) : httpApi());

/** Unwraps a Result from the preload: the value, or the services' error as an ApiError. */
export function unwrap<T>(result: Result): T {
  if (!result.ok) throw apiError(result.error);
  return result.value as T;
}

/**
 * Browser mode's events: one Server-Sent Events stream for the page (GET /events), opened on the
 * first subscription; EventSource reconnects by itself if the service restarts.
 */
let stream: EventSource | null = null;
let streamOpen: Promise<void> | null = null;
/** Told when the stream opens again after a drop: events sent in between are lost. */
const reconnectListeners = new Set<() => void>();
function eventStream(): EventSource {
  if (!stream) {
    const token = sessionStorage.getItem(TOKEN_KEY) ?? '';
    const source = new EventSource(`/events?token=${encodeURIComponent(token)}`);
    streamOpen = new Promise((resolve) => source.addEventListener('open', () => resolve(), { once: true }));
    let opened = false;
    source.addEventListener('open', () => {
      if (opened) for (const listener of [...reconnectListeners]) listener();
      opened = true;
    });
    stream = source;
  }
  return stream;
}

/**
 * The one way the interface hears from the rest, whatever the transport: webContents.send
 * through the preload in the desktop app, Server-Sent Events in browser mode. Payloads are
 * checked against the contract; a malformed one never reaches the listener.
 */
export function onEvent<E extends EventName>(name: E, listener: (payload: EventPayload<E>) => void): () => void {
  if (!isEventName(name)) throw new Error(`Unknown event: ${String(name)}`);
  if (isDesktop) return window.rapporteur!.on(name, listener);
  const source = eventStream();
  const handler = (e: MessageEvent<string>) => {
    let data: unknown;
    try {
      data = JSON.parse(e.data);
    } catch {
      return;
    }
    const parsed = parseEvent(name, data);
    if (parsed) listener(parsed);
  };
  source.addEventListener(name, handler);
  return () => source.removeEventListener(name, handler);
}

/** Resolves once events flow (at once in the desktop app; when the stream is open in browser mode). */
export function eventsReady(): Promise<void> {
  if (isDesktop) return Promise.resolve();
  eventStream();
  return streamOpen!;
}

/**
 * Called each time events flow again after the stream dropped (browser mode only; the desktop
 * app's IPC does not drop), so a listener can ask once for what it may have missed.
 */
export function onEventsReconnected(listener: () => void): () => void {
  if (isDesktop) return () => undefined;
  eventStream();
  reconnectListeners.add(listener);
  return () => {
    reconnectListeners.delete(listener);
  };
}

/** Application menu commands (the desktop app sends them; browser mode has none). */
export const onMenu = (listener: (message: MenuMessage) => void): (() => void) =>
  isDesktop ? onEvent('menuCommand', listener) : () => undefined;

/** What to show for an error: a catalogued error in the interface's language, else its own message. */
export const errorMessage = (err: unknown): string => {
  if (err instanceof ApiError || err instanceof AppError) return localizeError(err, uiLanguage());
  return err instanceof Error ? err.message : String(err);
};
