import { useEffect, useState } from 'react';
import { api } from '../api';
import { useT } from '../i18n';

/**
 * The export dialog's choice for a DOCX: the open comments as Word comments (checked by default;
 * shown only when the conference has open comments in its text). A PDF never prints them.
 */
export function CommentsExportField({
  handle,
  value,
  onChange,
}: {
  handle: string;
  value: boolean;
  onChange(v: boolean): void;
}) {
  const { t } = useT();
  const [open, setOpen] = useState(0);
  useEffect(() => {
    let live = true;
    api.listComments({ handle }).then(
      (threads) => {
        if (live) setOpen(threads.filter((th) => !th.resolved && th.attached).length);
      },
      () => {
        if (live) setOpen(0);
      },
    );
    return () => {
      live = false;
    };
  }, [handle]);
  if (open === 0) return null;
  return (
    <label className="checkbox">
      <input type="checkbox" checked={value} onChange={(e) => onChange(e.target.checked)} />{' '}
      {t('comments:export.include', { count: open })}
    </label>
  );
}
