/** What find and replace says to the user, in one place (for the translations to come). */
export const FIND_MESSAGES = {
  snapshotName: (query: string, replacement: string) =>
    `Before replacing “${query.slice(0, 60)}” with “${replacement.slice(0, 60)}”`,
} as const;
