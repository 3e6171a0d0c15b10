import { describe, expect, it } from 'vitest';
import { DASHBOARD_LANGUAGES, DASHBOARD_TITLES, dashboardLanguage } from '../../../src/core/dashboard/titles';

describe('dashboard titles', () => {
  it('every language has every key, none empty, and translations differ from English', () => {
    const keys = Object.keys(DASHBOARD_TITLES.en).sort();
    for (const lang of DASHBOARD_LANGUAGES) {
      expect(Object.keys(DASHBOARD_TITLES[lang]).sort(), lang).toEqual(keys);
      for (const key of keys) expect(DASHBOARD_TITLES[lang][key as keyof typeof DASHBOARD_TITLES.en].trim(), `${lang}.${key}`).not.toBe('');
    }
    for (const lang of ['ru', 'uk', 'ro'] as const) expect(DASHBOARD_TITLES[lang].salesTitle).not.toBe(DASHBOARD_TITLES.en.salesTitle);
  });
  it('Settings language wins, then the locale, then English', () => {
    expect(dashboardLanguage('ro', 'ru_RU')).toBe('ro');
    expect(dashboardLanguage('', 'uk_UA')).toBe('uk');
    expect(dashboardLanguage('xx', 'ru')).toBe('ru');
    expect(dashboardLanguage('', 'de_DE')).toBe('en');
    expect(dashboardLanguage('<script>', '')).toBe('en');
  });
});
