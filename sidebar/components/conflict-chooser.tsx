/**
 * A save refused because someone changed the client meanwhile: per field,
 * their value and the user's. Where only they changed a field, theirs is
 * taken; where only the user did, theirs stays underneath and the user's edit
 * is kept; where both changed it differently, the user chooses, so Reload
 * never overwrites the other person's change without being asked.
 */
import type { FieldDef } from '../../src/core/schema/field';
import type { FormValues } from '../form/form-values';
import type { CardMessages } from '../views/card/messages';

export type Choice = 'theirs' | 'yours';

/** Fields both sides changed to different values. */
export function clashes(fields: readonly FieldDef[], before: FormValues, fresh: FormValues, current: FormValues): string[] {
  const v = (values: FormValues, name: string) => values[name] ?? '';
  return fields
    .map((f) => f.name)
    .filter((name) => v(current, name) !== v(before, name) && v(fresh, name) !== v(before, name) && v(current, name) !== v(fresh, name));
}

/** Fields only they changed. */
export function theirsOnly(fields: readonly FieldDef[], before: FormValues, fresh: FormValues, current: FormValues): string[] {
  const v = (values: FormValues, name: string) => values[name] ?? '';
  return fields.map((f) => f.name).filter((name) => v(fresh, name) !== v(before, name) && v(current, name) === v(before, name));
}

export const conflictInputName = (field: string) => `cb-conflict-${field.replace(/[^\p{L}\p{N}]+/gu, '-')}`;

export interface ConflictChooserProps {
  m: CardMessages;
  who: string;
  fields: readonly FieldDef[];
  before: FormValues;
  fresh: FormValues;
  current: FormValues;
  choices: Record<string, Choice>;
  missing: string;
  onChoose: (field: string, choice: Choice) => void;
}

export function ConflictChooser({ m, who, fields, before, fresh, current, choices, missing, onChoose }: ConflictChooserProps) {
  const both = clashes(fields, before, fresh, current);
  const taken = theirsOnly(fields, before, fresh, current);
  return (
    <div class="conflict-fields">
      {both.length > 0 && <p>{m.conflictChoose}</p>}
      {both.map((name) => {
        const input = conflictInputName(name);
        return (
          <fieldset key={name} class={`conflict-field${missing === name ? ' missing' : ''}`} aria-describedby={missing === name ? `${input}-pick` : undefined}>
            <legend>{name}</legend>
            <label>
              <input type="radio" name={input} checked={choices[name] === 'theirs'} onChange={() => onChoose(name, 'theirs')} />
              <span class="who">{m.conflictTheirs(who)}:</span> <span class="value">{fresh[name] || '∅'}</span>
            </label>
            <label>
              <input type="radio" name={input} checked={choices[name] === 'yours'} onChange={() => onChoose(name, 'yours')} />
              <span class="who">{m.conflictYours}:</span> <span class="value">{current[name] || '∅'}</span>
            </label>
            {missing === name && (
              <p id={`${input}-pick`} class="error">
                {m.conflictPick(name)}
              </p>
            )}
          </fieldset>
        );
      })}
      {taken.length > 0 && (
        <ul class="conflict-taken">
          {taken.map((name) => (
            <li key={name}>{m.conflictTaken(name, fresh[name] ?? '')}</li>
          ))}
        </ul>
      )}
    </div>
  );
}
