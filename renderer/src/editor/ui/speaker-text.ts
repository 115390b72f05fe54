/** The speaker dialog's words, in one place until they move into the interface's catalogues. */
export const SPEAKER_TEXT = {
  speaker: (n: number | null) => (n === null ? 'Speaker' : `Speaker ${n}`),
  placeholder: 'Type a name from the registry',
  matches: 'People in the registry',
  addAsNew: (name: string) => `Add “${name}” as a new participant`,
  willBeAdded: 'Will be added to the registry as a new participant.',
  notInRegistry: (name: string) => `“${name}” is not in the registry: choose a person from the list, or “Add “${name}” as a new participant”.`,
  another: '+ another speaker',
  paperTitle: 'Paper title',
  paperPlaceholder: 'Title of the presentation',
  cancel: 'Cancel',
  insert: 'Insert',
} as const;
