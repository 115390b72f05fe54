import type { KitInfo } from '../../../shared/kits/kit-report';
import { useT } from '../i18n';

/**
 * Above a part's text in a rapporteur's kit: whether the part is theirs to draft, or read-only
 * here (the editor then refuses typing, and the service refuses a save).
 */
export function KitPartNote({
  kit,
  partId,
  title,
}: {
  kit: KitInfo | null | undefined;
  partId: string;
  title: string;
}) {
  const { t } = useT();
  if (!kit) return null;
  const mine = kit.assignedPartIds.includes(partId);
  return (
    <p className={`kit-part-note${mine ? '' : ' read-only'}`} role="note">
      {mine ? t('kits:readOnly.assigned') : t('kits:readOnly.note', { title, who: kit.rapporteur })}
    </p>
  );
}

/** Whether a part is read-only in the open conference (a kit's part not assigned to its rapporteur). */
export const isReadOnlyInKit = (kit: KitInfo | null | undefined, partId: string): boolean =>
  !!kit && !kit.assignedPartIds.includes(partId);
