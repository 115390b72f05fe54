/**
 * Keyboard shortcuts of the editor, in Electron accelerator syntax ("CmdOrCtrl+B").
 * One list for the whole app: the editor binds them, its toolbar shows them in
 * tooltips and in the shortcuts panel, and the application menu (electron/main) can
 * show them next to its items.
 */
export interface Shortcut {
  id: string;
  label: string;
  keys: string;
  group: 'Edit' | 'Format' | 'Insert' | 'Find' | 'Live';
}

export const shortcuts = [
  { id: 'undo', label: 'Undo', keys: 'CmdOrCtrl+Z', group: 'Edit' },
  { id: 'redo', label: 'Redo', keys: 'CmdOrCtrl+Shift+Z', group: 'Edit' },
  { id: 'bold', label: 'Bold', keys: 'CmdOrCtrl+B', group: 'Format' },
  { id: 'italic', label: 'Italic', keys: 'CmdOrCtrl+I', group: 'Format' },
  { id: 'underline', label: 'Underline', keys: 'CmdOrCtrl+U', group: 'Format' },
  { id: 'superscript', label: 'Superscript', keys: 'CmdOrCtrl+Shift+=', group: 'Format' },
  { id: 'link', label: 'Link', keys: 'CmdOrCtrl+K', group: 'Format' },
  { id: 'numbered-list', label: 'Numbered list', keys: 'CmdOrCtrl+Shift+7', group: 'Format' },
  { id: 'bullet-list', label: 'Bulleted list', keys: 'CmdOrCtrl+Shift+8', group: 'Format' },
  { id: 'footnote', label: 'Insert footnote', keys: 'CmdOrCtrl+Alt+F', group: 'Insert' },
  { id: 'presentation', label: 'Insert presentation summary', keys: 'CmdOrCtrl+Alt+P', group: 'Insert' },
  { id: 'highlights', label: 'Insert highlights list', keys: 'CmdOrCtrl+Alt+H', group: 'Insert' },
  { id: 'recommendations', label: 'Insert recommendations block', keys: 'CmdOrCtrl+Alt+R', group: 'Insert' },
  { id: 'comment', label: 'Comment on the selection', keys: 'CmdOrCtrl+Alt+M', group: 'Insert' },
  { id: 'find', label: 'Find and replace in this part', keys: 'CmdOrCtrl+F', group: 'Find' },
  { id: 'find-in-conference', label: 'Find in the whole conference', keys: 'CmdOrCtrl+Shift+F', group: 'Find' },
  { id: 'live-next-speaker', label: 'Live: start the next presentation', keys: 'CmdOrCtrl+Enter', group: 'Live' },
  { id: 'live-capture', label: 'Live: capture a point into the highlights', keys: 'CmdOrCtrl+Shift+H', group: 'Live' },
] as const satisfies readonly Shortcut[];

export type ShortcutId = (typeof shortcuts)[number]['id'];

export const shortcutKeys = (id: ShortcutId): string => shortcuts.find((s) => s.id === id)!.keys;

/** "CmdOrCtrl+Shift+Z" as shown to the user on this platform: "Ctrl+Shift+Z" or "⌘⇧Z". */
export function displayKeys(keys: string, mac: boolean): string {
  if (!mac) return keys.replace('CmdOrCtrl', 'Ctrl');
  return keys.replace('CmdOrCtrl+', '⌘').replace('Shift+', '⇧').replace('Alt+', '⌥');
}

/** Whether a keyboard event is this shortcut (CmdOrCtrl = Meta on macOS, Ctrl elsewhere). */
export function matchesShortcut(
  e: { key: string; ctrlKey: boolean; metaKey: boolean; shiftKey: boolean; altKey: boolean; code?: string },
  keys: string,
  mac: boolean,
): boolean {
  const parts = keys.split('+');
  const key = parts.pop()!;
  const want = { mod: parts.includes('CmdOrCtrl'), shift: parts.includes('Shift'), alt: parts.includes('Alt') };
  const mod = mac ? e.metaKey : e.ctrlKey;
  if (mod !== want.mod || e.shiftKey !== want.shift || e.altKey !== want.alt) return false;
  // With Alt held, e.key is a composed character on some layouts: compare the physical key.
  // Likewise with Shift, a digit's e.key is "&" or "/" depending on the layout.
  const pressed = e.code?.startsWith('Key') ? e.code.slice(3) : e.code?.startsWith('Digit') ? e.code.slice(5) : e.key;
  return pressed.toLowerCase() === key.toLowerCase() || e.key.toLowerCase() === key.toLowerCase();
}
