import { nameKey } from '../schema/name-key';

/**
 * Which field a placeholder names. Placeholders are typed by people, so they
 * match ignoring case, spaces and punctuation ({{first  name}}, {{FirstName}}
 * and {{E-mail}} find "First name" and "Email"), the same rule as headers.
 * An exact (case-insensitive) name wins over a looser match.
 */
export function resolveField(placeholder: string, fieldNames: readonly string[]): string | undefined {
  const lower = placeholder.trim().toLowerCase();
  const exact = fieldNames.find((name) => name.trim().toLowerCase() === lower);
  if (exact !== undefined) return exact;
  const key = nameKey(placeholder);
  if (key === '') return undefined;
  return fieldNames.find((name) => nameKey(name) === key);
}

/**
 * The field a mistyped placeholder most likely meant ({{Frist name}} → "First
 * name"), or undefined when nothing is close enough to be a helpful guess.
 */
export function closestField(placeholder: string, fieldNames: readonly string[]): string | undefined {
  const key = nameKey(placeholder);
  if (key === '') return undefined;
  let best: { name: string; distance: number } | undefined;
  for (const name of fieldNames) {
    const candidate = nameKey(name);
    if (candidate === '') continue;
    const distance = typoDistance(key, candidate);
    const tolerance = Math.max(1, Math.floor(Math.max(key.length, candidate.length) / 3));
    const contains = Math.min(key.length, candidate.length) >= 3 && (candidate.includes(key) || key.includes(candidate));
    if (distance > tolerance && !contains) continue;
    if (!best || distance < best.distance) best = { name, distance };
  }
  return best?.name;
}

/** Optimal-string-alignment distance: insertions, deletions, substitutions and adjacent swaps cost 1. */
export function typoDistance(a: string, b: string): number {
  const x = Array.from(a);
  const y = Array.from(b);
  let prevPrev: number[] = [];
  let prev = Array.from({ length: y.length + 1 }, (_, j) => j);
  for (let i = 1; i <= x.length; i++) {
    const row = [i];
    for (let j = 1; j <= y.length; j++) {
      const cost = x[i - 1] === y[j - 1] ? 0 : 1;
      let value = Math.min(prev[j] + 1, row[j - 1] + 1, prev[j - 1] + cost);
      if (i > 1 && j > 1 && x[i - 1] === y[j - 2] && x[i - 2] === y[j - 1]) value = Math.min(value, prevPrev[j - 2] + 1);
      row.push(value);
    }
    prevPrev = prev;
    prev = row;
  }
  return prev[y.length];
}
