import { useEffect, useState } from 'react';
import { useT } from '../i18n';

const two = (n: number) => String(n).padStart(2, '0');

/** Time of day, and time since the current presentation started. */
export function Clock({ startedAt }: { startedAt: number | null }) {
  const { t } = useT();
  const [now, setNow] = useState(() => Date.now());
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 1000);
    return () => clearInterval(timer);
  }, []);
  const d = new Date(now);
  const elapsed = startedAt ? Math.max(0, Math.floor((now - startedAt) / 1000)) : null;
  return (
    <div className="live-clock" role="timer" aria-label={t('live:clock')}>
      <span className="live-time">
        {two(d.getHours())}:{two(d.getMinutes())}
      </span>
      {elapsed !== null && (
        <span className="live-elapsed">
          {t('live:speakingFor', { time: `${Math.floor(elapsed / 60)}:${two(elapsed % 60)}` })}
        </span>
      )}
    </div>
  );
}
