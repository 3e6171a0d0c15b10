/**
 * The segments `Set up` creates: one per sales stage, and Active / Passive by
 * purchase recency. Rules are written in the rule language, so users can read
 * and change them in `Segments` like their own.
 */
import type { Lang } from '../i18n/lang';
import { romanian, slavic } from '../i18n/plural';
import { AppFailure } from '../result';

export interface BuiltinSegment {
  name: string;
  rule: string;
  description: string;
}

export interface BuiltinSettings {
  /** A client is active with a purchase in the last `activeDays` days (default 90). */
  activeDays: number;
  /** Header of the stage column (default "Stage"). */
  stageField?: string;
}

export const DEFAULT_ACTIVE_DAYS = 90;
const BY_STAGE = [
  ['Cold', 'Contacts who have not shown interest yet'],
  ['Warm', 'Contacts who showed interest'],
  ['Hot', 'Contacts ready to buy'],
  ['VIP', 'The most valuable clients'],
] as const;

type StageName = (typeof BY_STAGE)[number][0];

interface BuiltinWords {
  names: Record<StageName | 'Active' | 'Passive', string>;
  byStage: Record<StageName, string>;
  /** "(stage Cold)": the option value stays the canonical one the rule compares with. */
  stage: (option: string) => string;
  active: (days: number) => string;
  passive: (days: number) => string;
}

/** The segments' names and descriptions as Set up writes them into a base in each language; the rules stay the same. */
const WORDS: Record<Exclude<Lang, 'en'>, BuiltinWords> = {
  ru: {
    names: { Cold: 'Холодные', Warm: 'Тёплые', Hot: 'Горячие', VIP: 'VIP', Active: 'Активные', Passive: 'Пассивные' },
    byStage: {
      Cold: 'Контакты, которые ещё не проявили интерес',
      Warm: 'Контакты, проявившие интерес',
      Hot: 'Контакты, готовые купить',
      VIP: 'Самые ценные клиенты',
    },
    stage: (option) => `этап ${option}`,
    active: (days) => `Покупали за последние ${slavic('ru', days, 'день', 'дня', 'дней')}`,
    passive: (days) => `Покупали раньше, но не за последние ${slavic('ru', days, 'день', 'дня', 'дней')}`,
  },
  uk: {
    names: { Cold: 'Холодні', Warm: 'Теплі', Hot: 'Гарячі', VIP: 'VIP', Active: 'Активні', Passive: 'Пасивні' },
    byStage: {
      Cold: 'Контакти, які ще не виявили інтересу',
      Warm: 'Контакти, які виявили інтерес',
      Hot: 'Контакти, готові купити',
      VIP: 'Найцінніші клієнти',
    },
    stage: (option) => `етап ${option}`,
    active: (days) => `Купували за останні ${slavic('uk', days, 'день', 'дні', 'днів')}`,
    passive: (days) => `Купували раніше, але не за останні ${slavic('uk', days, 'день', 'дні', 'днів')}`,
  },
  ro: {
    names: { Cold: 'Reci', Warm: 'Călduți', Hot: 'Fierbinți', VIP: 'VIP', Active: 'Activi', Passive: 'Pasivi' },
    byStage: {
      Cold: 'Contacte care nu au arătat încă interes',
      Warm: 'Contacte care au arătat interes',
      Hot: 'Contacte gata să cumpere',
      VIP: 'Cei mai valoroși clienți',
    },
    stage: (option) => `etapa ${option}`,
    active: (days) => `Au cumpărat în ultimele ${romanian(days, 'zi', 'zile', 'de zile')}`,
    passive: (days) => `Au cumpărat înainte, dar nu în ultimele ${romanian(days, 'zi', 'zile', 'de zile')}`,
  },
};

/** The name Set up gives a built-in segment in a language: builtinName('Active', 'ru') → "Активные". */
export function builtinName(name: StageName | 'Active' | 'Passive', lang: Lang): string {
  return lang === 'en' ? name : WORDS[lang].names[name];
}

export function builtinSegments(settings: BuiltinSettings = { activeDays: DEFAULT_ACTIVE_DAYS }, lang: Lang = 'en'): BuiltinSegment[] {
  const days = settings.activeDays;
  if (!Number.isInteger(days) || days < 1 || days > 36_500) {
    throw new AppFailure('bad_input', `The active window must be a whole number of days from 1 to 36500, got ${String(days)}`);
  }
  const stage = quoteName(settings.stageField ?? 'Stage');
  if (lang !== 'en') {
    const w = WORDS[lang];
    return [
      ...BY_STAGE.map(([name]) => ({ name: w.names[name], rule: `${stage} = "${name}"`, description: `${w.byStage[name]} (${w.stage(name)})` })),
      { name: w.names.Active, rule: `"Last purchase" within last ${days} days`, description: w.active(days) },
      { name: w.names.Passive, rule: `"Last purchase" more than ${days} days ago`, description: w.passive(days) },
    ];
  }
  return [
    ...BY_STAGE.map(([name, description]) => ({ name, rule: `${stage} = "${name}"`, description: `${description} (stage ${name})` })),
    {
      name: 'Active',
      rule: `"Last purchase" within last ${days} days`,
      description: `Bought in the last ${days} days`,
    },
    {
      name: 'Passive',
      rule: `"Last purchase" more than ${days} days ago`,
      description: `Bought before, but not in the last ${days} days`,
    },
  ];
}

/** A field name as a rule writes it: in quotes, with quotes inside doubled. */
export function quoteName(name: string): string {
  return `"${name.replace(/"/g, '""')}"`;
}
