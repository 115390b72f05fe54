// The only bridge between the sandboxed renderer and the rest: one function per method
// of the contract (shared/contract/api.ts), the native dialogs of the dialog contract,
// and the contract's events (shared/contract/events.ts). Nothing else.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { channelOf, dialogChannelOf, dialogMethodNames, methodNames } from '../../shared/contract/api';
import {
  eventChannelOf,
  type EventName,
  type EventPayload,
  isEventName,
  parseEvent,
} from '../../shared/contract/events';

const api = Object.fromEntries(
  methodNames.map((m) => [m, (input: unknown) => ipcRenderer.invoke(channelOf(m), input)]),
);
const dialogs = Object.fromEntries(
  dialogMethodNames.map((m) => [m, (input: unknown) => ipcRenderer.invoke(dialogChannelOf(m), input)]),
);

contextBridge.exposeInMainWorld('rapporteur', {
  api,
  dialogs,
  /** Listens to one declared event; its payloads are checked against the contract before the listener sees them. */
  on<E extends EventName>(event: E, listener: (payload: EventPayload<E>) => void): () => void {
    if (!isEventName(event)) throw new Error(`Unknown event: ${String(event).slice(0, 100)}`);
    const wrapped = (_event: IpcRendererEvent, payload: unknown) => {
      const parsed = parseEvent(event, payload);
      if (parsed) listener(parsed);
      else console.error(`Rapporteur: a malformed ${event} event was dropped.`);
    };
    const channel = eventChannelOf(event);
    ipcRenderer.on(channel, wrapped);
    return () => {
      ipcRenderer.removeListener(channel, wrapped);
    };
  },
  platform: process.platform,
});
