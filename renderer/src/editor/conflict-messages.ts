/** What the conflict banner says of a part's text, by whether this window has edits not saved yet. */
export const PART_CONFLICT_MESSAGES = {
  unsaved: 'Your text below is not saved yet.',
  nothingUnsaved: 'You have no unsaved edits here: the text below is what this window last saved or opened.',
} as const;
