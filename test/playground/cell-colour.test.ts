import { describe, expect, it } from 'vitest';
import { drawnBackground, safeColour } from '../../playground/cell-colour.ts';

describe('safeColour', () => {
  it('accepts #rgb, #rrggbb and CSS colour names, in any case, as lower case', () => {
    expect(safeColour('#FCE8E6')).toBe('#fce8e6');
    expect(safeColour('#abc')).toBe('#abc');
    expect(safeColour(' LightCoral ')).toBe('lightcoral');
    expect(safeColour('rebeccapurple')).toBe('rebeccapurple');
  });

  it('refuses anything that could carry other CSS, and what is not a colour', () => {
    const hostile = [
      'red;background-image:url(https://evil.example/x)',
      'red}body{display:none',
      'expression(alert(1))',
      'url(x)',
      '<img src=x onerror=alert(1)>',
      '=HYPERLINK("x")',
      '+1',
      '-1',
      '@x',
      '#ab',
      '#abcd',
      '#abcdef0',
      '#ggg',
      'rgb(1,2,3)',
      'var(--x)',
      'красный',
      'rеd' /* Cyrillic е */,
      '🟥',
      '',
      'transparent',
      'x'.repeat(50_001),
      '#fff'.padEnd(50_001, ' '),
    ];
    for (const value of hostile) expect(safeColour(value), JSON.stringify(value.slice(0, 40))).toBeUndefined();
    for (const value of [null, undefined, 0xff0000, true, {}, ['#fff'], { toString: () => '#fff' }]) expect(safeColour(value)).toBeUndefined();
  });
});

describe('drawnBackground', () => {
  it('leaves the default white undrawn, however it is written, and keeps other colours', () => {
    for (const white of ['#fff', '#FFFFFF', 'white', 'White']) expect(drawnBackground(white)).toBeUndefined();
    expect(drawnBackground('#fffffe')).toBe('#fffffe');
    expect(drawnBackground('#F4CCCC')).toBe('#f4cccc');
    expect(drawnBackground('red;color:red')).toBeUndefined();
  });
});
