import { BrowserWindow, type WebContents } from 'electron';
import { eventChannelOf, type EventName, type EventPayload } from '../../shared/contract/events';

/** Delivers one event of the contract to one window, on the event's own channel. */
export function sendEvent<E extends EventName>(contents: WebContents, name: E, payload: EventPayload<E>): void {
  if (!contents.isDestroyed()) contents.send(eventChannelOf(name), payload);
}

/** The services' events go to every window (each shows what concerns the conference it has open). */
export function sendToAllWindows<E extends EventName>(name: E, payload: EventPayload<E>): void {
  for (const win of BrowserWindow.getAllWindows()) sendEvent(win.webContents, name, payload);
}
