import { describe, expect, it } from 'vitest';
import { ruleErrorText } from '../../../src/core/rules/error-words';
import { pointAt } from '../../../src/core/rules/errors';
import { parseRule } from '../../../src/core/rules/parser';

const FIELDS = ['City', 'Stage', 'Spent'];
const BAD = [
  '',
  'Абырвалг = "Москва"',
  'Citi = "Москва"',
  'City = Москва',
  'City = "Москва',
  'City "Москва"',
  '(City = "Москва"',
  'City = "Москва")',
  '=SUM(A1:A9)',
  'City = “Москва”',
  'City ! "Москва"',
  'City = "a" City = "b"',
  'City =',
  'City = "a" and',
];

const errorOf = (rule: string) => {
  const parsed = parseRule(rule, FIELDS);
  if (parsed.ok) throw new Error(`parsed: ${rule}`);
  return parsed.error;
};

describe('rule errors in the reader’s language', () => {
  it('rewords what the parser says about each kind of mistake, in Russian, Ukrainian and Romanian', () => {
    for (const rule of BAD) {
      const english = errorOf(rule).message;
      for (const lang of ['ru', 'uk', 'ro'] as const) {
        const text = ruleErrorText(english, lang);
        expect(text, `${lang}: ${english}`).not.toBe(english);
        expect(text, `${lang}: ${english}`).not.toMatch(/\b(Expected|Unknown|found|the end of the rule|Unexpected)\b/);
      }
    }
  });

  it('keeps the field, the position and the suggestion', () => {
    const english = errorOf('Citi = "Москва"').message;
    expect(english).toBe('Unknown field "Citi" at 1 — did you mean "City"?');
    expect(ruleErrorText(english, 'ru')).toBe('Неизвестное поле «Citi» (позиция 1) — может быть, «City»?');
    expect(ruleErrorText(english, 'uk')).toBe('Невідоме поле «Citi» (позиція 1) — можливо, «City»?');
    expect(ruleErrorText(english, 'ro')).toBe('Câmp necunoscut „Citi” (poziția 1) — poate „City”?');
  });

  it('keeps the caret block the server sends under the message, and leaves English and unknown messages alone', () => {
    const error = errorOf('City = Москва');
    const server = `${error.message}\n${pointAt('City = Москва', error)}`;
    const ru = ruleErrorText(server, 'ru').split('\n');
    expect(ru[0]).toMatch(/двойных кавычках/);
    expect(ru.slice(1)).toEqual(server.split('\n').slice(1));
    expect(ruleErrorText(server, 'en')).toBe(server);
    expect(ruleErrorText('<img src=x onerror=alert(1)>', 'ru')).toBe('<img src=x onerror=alert(1)>');
    expect(ruleErrorText('', 'uk')).toBe('');
  });
});
