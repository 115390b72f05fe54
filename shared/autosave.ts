/**
 * Saves shortly after the user pauses, and at least every `maxWaitMs` while they keep
 * typing, so a crash loses at most about a second of work. One save runs at a time;
 * edits made during a save are saved right after it.
 */
export interface AutosaveOptions<T> {
  save(value: T): Promise<void>;
  onStateChange?(state: AutosaveState): void;
  /** Words a failed save in the user's language (the failed state's message); the error's own message if not given. */
  describeError?(err: unknown): string;
  idleMs?: number;
  maxWaitMs?: number;
}

export type AutosaveState =
  | { kind: 'saved' }
  | { kind: 'pending' }
  | { kind: 'saving' }
  | { kind: 'failed'; message: string };

export class Autosaver<T> {
  private pending: { value: T } | null = null;
  private idleTimer: ReturnType<typeof setTimeout> | null = null;
  private maxTimer: ReturnType<typeof setTimeout> | null = null;
  private inFlight: Promise<void> | null = null;
  private readonly idleMs: number;
  private readonly maxWaitMs: number;

  constructor(private readonly options: AutosaveOptions<T>) {
    this.idleMs = options.idleMs ?? 400;
    this.maxWaitMs = options.maxWaitMs ?? 900;
  }

  /** Records the latest value; it will be saved soon. */
  update(value: T): void {
    this.pending = { value };
    this.options.onStateChange?.({ kind: 'pending' });
    if (this.idleTimer) clearTimeout(this.idleTimer);
    this.idleTimer = setTimeout(() => void this.flush(), this.idleMs);
    this.maxTimer ??= setTimeout(() => void this.flush(), this.maxWaitMs);
  }

  get hasUnsaved(): boolean {
    return this.pending !== null || this.inFlight !== null;
  }

  /** Saves now whatever is pending (on blur, part switch, window close). */
  async flush(): Promise<void> {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.idleTimer = this.maxTimer = null;
    // Another flush may start a save as soon as the current one ends: wait for that one too,
    // so a flush on close returns only when nothing is left in flight.
    while (this.inFlight) await this.inFlight;
    const next = this.pending;
    if (!next) return;
    this.pending = null;
    this.options.onStateChange?.({ kind: 'saving' });
    this.inFlight = this.options
      .save(next.value)
      .then(
        () => {
          if (!this.pending) this.options.onStateChange?.({ kind: 'saved' });
        },
        (err: unknown) => {
          // Keep the unsaved value unless something newer arrived, so nothing is dropped.
          this.pending ??= next;
          this.options.onStateChange?.({
            kind: 'failed',
            message: this.options.describeError?.(err) ?? (err instanceof Error ? err.message : String(err)),
          });
        },
      )
      .finally(() => {
        this.inFlight = null;
      });
    await this.inFlight;
  }

  /** Forgets what is pending (the user chose another version of the text). */
  discard(): void {
    this.pending = null;
    this.dispose();
    this.options.onStateChange?.({ kind: 'saved' });
  }

  /** Stops the timers without saving (the part was closed after a final flush). */
  dispose(): void {
    if (this.idleTimer) clearTimeout(this.idleTimer);
    if (this.maxTimer) clearTimeout(this.maxTimer);
    this.idleTimer = this.maxTimer = null;
  }
}
