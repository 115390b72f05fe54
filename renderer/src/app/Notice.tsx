import { useEffect } from 'react';

export interface NoticeState { kind: 'error' | 'info'; text: string }

const INFO_MS = 5000;

/** A message bar at the foot of the window: information fades by itself, errors stay until dismissed. */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  useEffect(() => {
    if (notice.kind !== 'info') return undefined;
    const timer = setTimeout(onDismiss, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" onClick={onDismiss} aria-label="Dismiss">×</button>
    </div>
  );
}
