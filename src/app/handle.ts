import { AppFailure, fail, ok, type Result } from '../core/result';
import { settleUnfinished } from './intents';

/**
 * The edge between the sidebar and the server: every API call returns a
 * Result, so the sidebar gets the error code and per-field messages instead of
 * google.script.run's bare string. Unexpected errors are logged with their stack.
 * Before the work, an operation a killed execution left half done is rolled
 * back, so nothing reads or builds on a half-merged sheet.
 */
export function handle<T>(work: () => T): Result<T> {
  try {
    settleUnfinished();
    return ok(work());
  } catch (err) {
    if (err instanceof AppFailure) return fail(err.code, err.message, err.fields, err.kinds);
    const message = err instanceof Error ? err.message : String(err);
    console.error(err instanceof Error && err.stack ? err.stack : message);
    return fail('internal', message);
  }
}
