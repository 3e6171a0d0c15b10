/**
 * Every sidebar call returns a Result instead of throwing: google.script.run
 * turns thrown errors into bare strings, losing the code and the per-field
 * messages the form needs.
 */
export type ErrorCode = 'validation' | 'conflict' | 'forbidden' | 'not_found' | 'bad_input' | 'busy' | 'internal';

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Per-field messages, keyed by field name, for form validation errors. */
  fields?: Record<string, string>;
  /** What kind of problem each field has (validate/problem.ts), so the sidebar can word it in its own language. */
  kinds?: Record<string, string>;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });

export const fail = (code: ErrorCode, message: string, fields?: Record<string, string>, kinds?: Record<string, string>): Result<never> => {
  const error: AppError = { code, message };
  if (fields) error.fields = fields;
  if (kinds && Object.keys(kinds).length) error.kinds = kinds;
  return { ok: false, error };
};

/** Thrown inside the server to abort an operation with a typed error; caught at the API edge. */
export class AppFailure extends Error {
  readonly code: ErrorCode;
  readonly fields?: Record<string, string>;
  readonly kinds?: Record<string, string>;
  constructor(code: ErrorCode, message: string, fields?: Record<string, string>, kinds?: Record<string, string>) {
    super(message);
    this.name = 'AppFailure';
    this.code = code;
    this.fields = fields;
    this.kinds = kinds;
  }
}
