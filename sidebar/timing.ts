/** Delays of the sidebar's background calls; tests shorten them. */
export const timing = {
  /** Type-ahead search waits this long after the last keystroke. */
  searchDebounceMs: 250,
  /** Live duplicate check of a new client waits this long after the last keystroke. */
  duplicateDebounceMs: 400,
  /** How often the card asks which client is under the sheet cursor. */
  activePollMs: 2000,
};
