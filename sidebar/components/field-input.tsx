/** One labelled control for one field of the Fields tab, with its help text and its error beside it. */
import type { JSX } from 'preact';
import type { FieldDef } from '../../src/core/schema/field';
import { splitTags } from '../../src/core/validate/value';
import { parseBoolean } from '../../src/core/validate/parse-boolean';
import { useLocale, useT } from '../i18n/locale';
import { fieldHelp, fieldLabel, optionLabel } from '../../src/core/schema/field-words';
import { inputKind } from '../form/input-kind';

export interface FieldInputProps {
  field: FieldDef;
  id: string;
  value: string;
  error?: string;
  readOnly: boolean;
  user: string;
  onValue: (value: string) => void;
  onBlur: () => void;
}

type TextEvent = { currentTarget: { value: string } };

export function FieldInput({ field, id, value, error, readOnly, user, onValue, onBlur }: FieldInputProps) {
  const t = useT();
  const locale = useLocale();
  const kind = inputKind(field, value);
  // The team's words in the user's language; the value stays the option the sheet holds.
  const help = fieldHelp(field, locale);
  const helpId = help ? `${id}-help` : '';
  const errorId = error ? `${id}-error` : '';
  const common = {
    id,
    name: field.name,
    disabled: readOnly,
    onBlur,
    'aria-invalid': error ? ('true' as const) : undefined,
    'aria-required': field.required ? ('true' as const) : undefined,
    'aria-describedby': [errorId, helpId].filter(Boolean).join(' ') || undefined,
  };
  const onText = (e: TextEvent) => onValue(e.currentTarget.value);

  let control: JSX.Element;
  switch (kind) {
    case 'textarea':
      control = <textarea {...common} rows={3} value={value} onInput={onText} />;
      break;
    case 'select': {
      const legacy = value !== '' && !field.options.includes(value);
      control = (
        <select {...common} value={value} onChange={onText}>
          <option value="">{t.emptyOption}</option>
          {field.options.map((o) => (
            <option key={o} value={o}>
              {optionLabel(field, o, locale)}
            </option>
          ))}
          {legacy && <option value={value}>{t.notAnOption(value)}</option>}
        </select>
      );
      break;
    }
    case 'checkbox':
      control = (
        <input {...common} type="checkbox" checked={parseBoolean(value) === true} onChange={(e) => onValue(e.currentTarget.checked ? 'true' : 'false')} />
      );
      break;
    case 'tags':
      control = <TagsInput common={common} field={field} value={value} readOnly={readOnly} onValue={onValue} />;
      break;
    case 'person':
      control = (
        <>
          <input {...common} type="text" autoComplete="off" list={`${id}-people`} value={value} onInput={onText} />
          <datalist id={`${id}-people`}>
            <option value={user}>{t.suggestMe(user)}</option>
          </datalist>
        </>
      );
      break;
    case 'decimal':
      control = <input {...common} type="text" inputMode="decimal" autoComplete="off" value={value} onInput={onText} />;
      break;
    // Chromium's type="email"/"url" inputs hand back an internationalised domain as punycode
    // (alena@ёлка.рф reads as alena@xn--80atc1g.xn--p1ai), so the user's spelling would be lost.
    case 'email':
    case 'url':
      control = <input {...common} type="text" inputMode={kind} autoComplete="off" spellcheck={false} value={value} onInput={onText} />;
      break;
    default:
      control = <input {...common} type={kind} autoComplete="off" value={value} onInput={onText} />;
  }

  const label = (
    <label for={id}>
      {fieldLabel(field, locale)}
      {field.required && (
        <abbr class="req" title={t.required} aria-hidden="true">
          *
        </abbr>
      )}
    </label>
  );
  return (
    <div class={`field field-${kind}${error ? ' has-error' : ''}`}>
      {kind === 'checkbox' ? (
        <div class="check">
          {control}
          {label}
        </div>
      ) : (
        <>
          {label}
          {control}
        </>
      )}
      {error && (
        <p id={errorId} class="error">
          {error}
        </p>
      )}
      {help && (
        <p id={helpId} class="help">
          {help}
        </p>
      )}
    </div>
  );
}

interface TagsProps {
  common: Record<string, unknown>;
  field: FieldDef;
  value: string;
  readOnly: boolean;
  onValue: (value: string) => void;
}

/** The text stays the source of truth (it keeps tags outside the options); the boxes toggle options in it. */
function TagsInput({ common, field, value, readOnly, onValue }: TagsProps) {
  const t = useT();
  const locale = useLocale();
  const present = new Set(splitTags(value).map((tag) => tag.toLowerCase()));
  const toggle = (option: string, on: boolean) => {
    const rest = splitTags(value).filter((tag) => tag.toLowerCase() !== option.toLowerCase());
    onValue((on ? [...rest, option] : rest).join(', '));
  };
  return (
    <>
      <input {...common} type="text" autoComplete="off" value={value} onInput={(e) => onValue(e.currentTarget.value)} />
      {field.options.length > 0 && (
        <div class="tag-options" role="group" aria-label={t.tagOptions(fieldLabel(field, locale))}>
          {field.options.map((option) => (
            <label key={option} class="tag">
              <input
                type="checkbox"
                disabled={readOnly}
                checked={present.has(option.toLowerCase())}
                onChange={(e) => toggle(option, e.currentTarget.checked)}
              />
              {optionLabel(field, option, locale)}
            </label>
          ))}
        </div>
      )}
    </>
  );
}
