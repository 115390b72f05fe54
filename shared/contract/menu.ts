/** Commands the application menu sends to the renderer (Electron only; browser mode has its own toolbar). */
export const menuCommands = [
  'new-from-template', 'open', 'save-copy', 'import', 'export', 'close', 'snapshot', 'find', 'find-in-conference',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

export interface MenuMessage { command: MenuCommand; path?: string }

export const MENU_CHANNEL = 'rapporteur:menu';
