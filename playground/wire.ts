/**
 * What survives the trip through google.script.run: JSON-like values only.
 * Apps Script fails the call when an argument or a result holds a Date (or a
 * function as an argument); the playground does the same so a sidebar that
 * works here does not break in a real spreadsheet.
 */
export class WireError extends Error {}

type Direction = 'argument' | 'result';

/** A JSON clone of `value`, or a WireError naming the first value Apps Script would refuse. */
export function throughWire(value: unknown, direction: Direction): unknown {
  check(value, direction === 'argument' ? 'args' : 'result', direction, []);
  if (value === undefined) return undefined;
  return JSON.parse(JSON.stringify(value)) as unknown;
}

function check(value: unknown, path: string, direction: Direction, stack: object[]): void {
  const tag = Object.prototype.toString.call(value);
  if (tag === '[object Date]') {
    throw new WireError(`google.script.run cannot pass a Date (${path} of the ${direction}); send an ISO string instead`);
  }
  if (typeof value === 'function') {
    if (direction === 'argument') throw new WireError(`google.script.run cannot pass a function (${path})`);
    return; // dropped from results, as JSON does
  }
  if (typeof value === 'bigint') throw new WireError(`google.script.run cannot pass a BigInt (${path})`);
  if (value === null || typeof value !== 'object') return;
  if (stack.includes(value)) throw new WireError(`google.script.run cannot pass a circular structure (${path})`);
  stack.push(value);
  if (Array.isArray(value)) {
    value.forEach((item, i) => check(item, `${path}[${i}]`, direction, stack));
  } else {
    for (const key of Object.keys(value)) check((value as Record<string, unknown>)[key], `${path}.${key}`, direction, stack);
  }
  stack.pop();
}
