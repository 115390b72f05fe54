import { useT } from '../i18n';

/** The conference header's entry to the overview of assignments (the editors' desk only). */
export function AssignmentsButton({ pressed, onToggle }: { pressed: boolean; onToggle(): void }) {
  const { t } = useT();
  return (
    <button type="button" aria-pressed={pressed} onClick={onToggle} title={t('assignments:panel.openHint')}>
      {t('assignments:panel.open')}
    </button>
  );
}
