import type { ShortcutId } from './shortcuts';

/** Commands the application menu sends to the renderer (Electron only; browser mode has its own toolbar). */
export const menuCommands = [
  'new-from-template', 'open', 'save-copy', 'import', 'export', 'close', 'snapshot', 'find', 'find-in-conference',
  'editor-action',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

/** `path` for open (a recent file, or one the OS or the Open dialog gave; without it the renderer asks); `action` for editor-action. */
export interface MenuMessage { command: MenuCommand; path?: string; action?: ShortcutId }

export const MENU_CHANNEL = 'rapporteur:menu';
