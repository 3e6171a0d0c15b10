/** Delays of the Mail view; tests shorten them. */
export const mailTiming = {
  /** The live preview waits this long after the last keystroke. */
  previewDebounceMs: 500,
  /** Pause between two chunks of a mailing the sidebar drives. */
  continuePauseMs: 1000,
};
