/** What review features say to the user, in one place (for the translations to come). */
export const REVIEW_MESSAGES = {
  summary: (snapshot: string, n: number) =>
    `Changes since the snapshot “${snapshot}” are tracked: ${n} ${n === 1 ? 'place' : 'places'} changed, each difference a Word revision (Review → Accept or Reject).`,
  noChanges: (snapshot: string) =>
    `Nothing has changed since the snapshot “${snapshot}”; the document has no revisions.`,
  coverChanged:
    'The cover (title, symbol, dates or organisers) changed since the snapshot; the cover shows the current text without revision marks.',
  styleChanged: (what: string) =>
    `The paragraph “${what}” changed its kind; only its words are marked, not its new style.`,
  listFormatChanged: (what: string) => `The list “${what}” changed its numbering; only its items' words are marked.`,
  kindChanged: (what: string, from: string, to: string) =>
    `“${what}” went from a ${from} to a ${to}; Word can only mark that as a whole: the ${from} deleted, the ${to} inserted.`,
  tableColumnsChanged: (what: string) =>
    `The table beginning “${what}” changed its columns; Word can only mark it as a whole: the old table deleted, the new one inserted.`,
} as const;
