/**
 * How the services tell the interface what happened without being asked: one small emitter,
 * no Electron here. The desktop edge forwards every event with webContents.send, browser mode
 * as Server-Sent Events; the command line and tests may just listen.
 */
import { type EventName, type EventPayload, events } from '../../../shared/contract/events';

export interface ServiceEmitter {
  emit<E extends EventName>(name: E, payload: EventPayload<E>): void;
}

export type EventListener = <E extends EventName>(name: E, payload: EventPayload<E>) => void;

/** Emits nowhere (services used without an interface: the command line, scripts). */
export const silentEmitter: ServiceEmitter = { emit: () => undefined };

/**
 * Checks every payload against the contract before it leaves (a malformed event is a bug,
 * reported and not sent) and hands it to each listener; one listener failing (a closed
 * window, a dropped stream) does not keep the event from the others.
 */
export class EventHub implements ServiceEmitter {
  private readonly listeners = new Set<EventListener>();

  constructor(private readonly report: (message: string) => void = (m) => console.error(m)) {}

  subscribe(listener: EventListener): () => void {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  }

  get size(): number {
    return this.listeners.size;
  }

  emit<E extends EventName>(name: E, payload: EventPayload<E>): void {
    const parsed = events[name].safeParse(payload);
    if (!parsed.success) {
      this.report(
        `Event ${name} not sent: its payload does not match the contract (${parsed.error.issues[0]?.message ?? 'invalid'}).`,
      );
      return;
    }
    for (const listener of [...this.listeners]) {
      try {
        listener(name, parsed.data as EventPayload<E>);
      } catch (err) {
        this.report(`A listener of ${name} failed: ${err instanceof Error ? err.message : String(err)}`);
      }
    }
  }
}
