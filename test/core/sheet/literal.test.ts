import { describe, expect, it } from 'vitest';
import { asLiteral, looksParsedBySheets } from '../../../src/core/sheet/literal';

describe('text Sheets would parse in some locale is written literally', () => {
  it.each([
    '1,5',
    '31.12.2024',
    'TRUE',
    'ИСТИНА',
    'ложь',
    'ІСТИНА',
    'Хибність',
    'ADEVĂRAT',
    'fals',
    'December 3, 2024',
    'Dec 3 2024',
    'дек. 3, 2024',
    '=SUM(A1)',
    '+7 916',
  ])('%s', (text) => {
    expect(looksParsedBySheets(text)).toBe(true);
    expect(asLiteral(text, false)).toBe(`'${text}`);
    expect(asLiteral(text, true)).toBe(text);
  });

  it.each(['Ana', 'Истинный друг', 'Falsetto', 'Decembrie', 'Str. Mihai 3', 'December'])('%s stays as it is', (text) => {
    expect(asLiteral(text, false)).toBe(text);
  });
});
