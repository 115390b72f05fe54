import { displayKeys, shortcutKeys, type ShortcutId } from '../../../../shared/contract/shortcuts';

export const isMac = typeof navigator !== 'undefined' && /Mac/i.test(navigator.platform);
/** Tooltip text: "Bold (Ctrl+B)". */
export const withKeys = (label: string, id: ShortcutId) => `${label} (${displayKeys(shortcutKeys(id), isMac)})`;
/** The same keys for assistive technology (aria-keyshortcuts): "Control+Shift+7", "Meta+B". */
export const ariaKeys = (id: ShortcutId) => shortcutKeys(id).replace('CmdOrCtrl', isMac ? 'Meta' : 'Control');
