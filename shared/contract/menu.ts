import { z } from 'zod';
import { shortcuts, type ShortcutId } from './shortcuts';

/** Commands the application menu sends to the renderer (Electron only; browser mode has its own toolbar). */
export const menuCommands = [
  'new-from-template',
  'open',
  'save-copy',
  'import',
  'export',
  'close',
  'snapshot',
  'find',
  'find-in-conference',
  'editor-action',
  'view',
] as const;
export type MenuCommand = (typeof menuCommands)[number];

const shortcutIds = shortcuts.map((s) => s.id) as [ShortcutId, ...ShortcutId[]];

/** The conference screen's views the View menu opens. */
export const menuViews = ['details', 'participants', 'agenda', 'live', 'snapshots'] as const;

/**
 * A menu message: `open` may carry a path (a recent file, or one the OS or the Open dialog gave;
 * without it the renderer asks); `editor-action` always names the editor's action; the others carry nothing.
 */
const bare = <C extends MenuCommand>(command: C) => z.object({ command: z.literal(command) }).strict();

export const MenuMessage = z.discriminatedUnion('command', [
  z.object({ command: z.literal('open'), path: z.string().min(1).max(4096).optional() }).strict(),
  z.object({ command: z.literal('editor-action'), action: z.enum(shortcutIds) }).strict(),
  z.object({ command: z.literal('view'), panel: z.enum(menuViews) }).strict(),
  bare('new-from-template'),
  bare('save-copy'),
  bare('import'),
  bare('export'),
  bare('close'),
  bare('snapshot'),
  bare('find'),
  bare('find-in-conference'),
]);
export type MenuMessage = z.infer<typeof MenuMessage>;
