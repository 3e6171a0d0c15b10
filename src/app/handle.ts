import { AppFailure, fail, ok, type Result } from '../core/result';

/**
 * The edge between the sidebar and the server: every API call returns a
 * Result, so the sidebar gets the error code and per-field messages instead of
 * google.script.run's bare string. Unexpected errors are logged with their stack.
 */
export function handle<T>(work: () => T): Result<T> {
  try {
    return ok(work());
  } catch (err) {
    if (err instanceof AppFailure) return fail(err.code, err.message, err.fields, err.kinds);
    const message = err instanceof Error ? err.message : String(err);
    console.error(err instanceof Error && err.stack ? err.stack : message);
    return fail('internal', message);
  }
}
