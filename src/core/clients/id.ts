const ALPHABET = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';

/**
 * Short, readable client IDs ("C-7KQ4M2XP") that people can say on the phone:
 * no 0/O or 1/I confusion. `random` is injected so tests are deterministic.
 */
export function newId(prefix: string, taken: ReadonlySet<string>, random: () => number = Math.random): string {
  for (;;) {
    let id = `${prefix}-`;
    for (let i = 0; i < 8; i++) id += ALPHABET[Math.floor(random() * ALPHABET.length)];
    if (!taken.has(id)) return id;
  }
}
