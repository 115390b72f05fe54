/** What find and replace says to the user, in one place (for the translations to come). */
export const FIND_MESSAGES = {
  emptyQuery: 'Type what to find first.',
  tooLong: (max: number) => `What to find is too long (at most ${max} characters).`,
  badPattern: (reason: string) => `That regular expression is not valid: ${reason}.`,
  nestedQuantifier:
    'That regular expression repeats a group that itself repeats (like “(a+)+”); it could take minutes to run. Write it without the nested repetition.',
  matchesEmpty:
    'That regular expression can match empty text, so there is nothing definite to replace; make it match at least one character.',
  tooSlow: 'The search took too long and was stopped; make the regular expression simpler.',
  changedSincePreview: (title: string) =>
    `“${title}” changed since the hits were listed; nothing was replaced. Find again to see the hits as they are now.`,
  hitGone: (title: string) => `A ticked hit in “${title}” no longer exists; nothing was replaced. Find again.`,
  snapshotName: (query: string, replacement: string) =>
    `Before replacing “${query.slice(0, 60)}” with “${replacement.slice(0, 60)}”`,
} as const;
