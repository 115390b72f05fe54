import type { KitInfo } from '../../../shared/kits/kit-report';
import { useT } from '../i18n';
import './kits.css';

/** Under the header of a rapporteur's kit: whose it is, of which conference and version. */
export function KitBanner({ kit }: { kit: KitInfo | null | undefined }) {
  const { t } = useT();
  if (!kit) return null;
  return (
    <div className="kit-banner" role="status" aria-label={t('kits:banner.label')}>
      <strong>
        {t('kits:banner.whose', {
          who: kit.rapporteur,
          conference: kit.conferenceTitle || t('kits:banner.aConference'),
          version: kit.baseVersion,
        })}
      </strong>{' '}
      {t('kits:banner.more')}
    </div>
  );
}
