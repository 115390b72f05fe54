import { useEffect } from 'react';
import { useT } from '../i18n';

export interface NoticeState {
  kind: 'error' | 'info';
  text: string;
}

const INFO_MS = 5000;

/** A message bar at the foot of the window: information fades by itself, errors stay until dismissed. */
export function Notice({ notice, onDismiss }: { notice: NoticeState; onDismiss(): void }) {
  const { t } = useT();
  useEffect(() => {
    if (notice.kind !== 'info') return undefined;
    const timer = setTimeout(onDismiss, INFO_MS);
    return () => clearTimeout(timer);
  }, [notice, onDismiss]);
  return (
    <div className={`notice notice-${notice.kind}`} role={notice.kind === 'error' ? 'alert' : 'status'}>
      <span>{notice.text}</span>
      <button type="button" onClick={onDismiss} aria-label={t('common:dismiss')}>
        ×
      </button>
    </div>
  );
}
