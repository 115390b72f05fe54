export interface NoticeState { kind: 'error' | 'info'; text: string }

/** A message bar at the top of the window; errors stay until dismissed. */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss">×</button>
    </div>
  );
}
