import { z } from 'zod';
import { ExportJobStatus } from './api';
import { MenuMessage } from './menu';

/**
 * What the rest of Rapporteur tells the interface without being asked, declared once beside the
 * methods. The desktop app delivers each event by webContents.send on its channel, browser mode as
 * Server-Sent Events (GET /events) named after it; both sides validate payloads with these schemas.
 */
export const events = {
  /** A background export moved on (each stage) or finished, failed or was cancelled. */
  exportProgress: ExportJobStatus,
  /** A part was saved (by this window, another one, another tab, a replace or a merge): its new revision. */
  partChanged: z
    .object({
      handle: z.string().min(1).max(64),
      path: z.string(),
      partId: z.string().min(1),
      revision: z.number().int(),
    })
    .strict(),
  /** A command of the application menu (desktop app). */
  menuCommand: MenuMessage,
} as const;

export type Events = typeof events;
export type EventName = keyof Events;
export type EventPayload<E extends EventName> = z.output<Events[E]>;

export const eventNames = Object.keys(events) as EventName[];

export const isEventName = (name: unknown): name is EventName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(events, name);

/** IPC channel of an event (desktop app). */
export const eventChannelOf = (e: EventName): string => `rapporteur:event:${e}`;

/** The payload if it is what the event declares, else null (a listener never sees a malformed payload). */
export function parseEvent<E extends EventName>(name: E, payload: unknown): EventPayload<E> | null {
  const parsed = events[name].safeParse(payload);
  return parsed.success ? (parsed.data as EventPayload<E>) : null;
}
