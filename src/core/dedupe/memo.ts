/**
 * Client lists repeat their values massively (how many Ivans, Moscows, Gmail
 * users born in 1985), so the finder works out what a distinct value means
 * once and remembers it. Only for pure functions of one string: the answer
 * must not depend on anything else, or a remembered one would be wrong.
 */

/** Off only in tests, which check that remembering changes no result. */
let enabled = true;

/** Runs `body` with every memory bypassed (and left as it was): the reference a memoised run must equal. */
export function withoutMemory<T>(body: () => T): T {
  const before = enabled;
  enabled = false;
  try {
    return body();
  } finally {
    enabled = before;
  }
}

/**
 * `fn` remembered per distinct key. Bounded: when `max` keys are held the
 * memory starts again, so a long-lived sidebar session or a file of unique
 * values (street addresses) cannot grow it without end.
 */
export function remembered<T>(fn: (key: string) => T, max = 100_000): (key: string) => T {
  const memory = new Map<string, T>();
  return (key: string): T => {
    if (!enabled) return fn(key);
    const hit = memory.get(key);
    if (hit !== undefined || memory.has(key)) return hit as T;
    const value = fn(key);
    if (memory.size >= max) memory.clear();
    memory.set(key, value);
    return value;
  };
}
