import { displayKeys, shortcutKeys } from '../../../shared/contract/shortcuts';
import { isMac } from '../editor/toolbar/platform';
import { useT } from '../i18n';
import { useCommentsActions } from './CommentsContext';

/** The toolbar's Comment button (Ctrl+Alt+M, as in Word): comments on the selected text. */
export function CommentButton() {
  const { t } = useT();
  const actions = useCommentsActions();
  if (!actions) return null;
  const keys = displayKeys(shortcutKeys('comment'), isMac);
  return (
    <div className="comment-tool">
      <button
        type="button"
        className="tool-button"
        disabled={!actions.canComment}
        onMouseDown={(e) => e.preventDefault()}
        onClick={actions.startComment}
        title={`${t('comments:button.title')} (${keys})`}
        aria-keyshortcuts={isMac ? 'Meta+Alt+M' : 'Control+Alt+M'}
      >
        {t('comments:button.label')}
      </button>
    </div>
  );
}
