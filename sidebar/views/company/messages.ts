/** Strings of the Companies view (link proposal and company card); every language is typed by `en`. */
const en = {
  tab: 'Companies',
  linkTitle: 'Link people to companies',
  linkIntro: 'Companies found in Clients (same tax ID, or the same name in any form). Untick any that are wrong; nothing is written until you confirm.',
  find: 'Find companies',
  finding: 'Looking…',
  none: 'Every person with a company name is linked.',
  existing: 'existing company',
  people: (n: number) => `${n} ${n === 1 ? 'person' : 'people'}`,
  spelled: 'Written as',
  confirm: 'Create and link',
  linked: (companies: number, people: number) => `${companies} companies created, ${people} people linked.`,
  openById: 'Company ID',
  open: 'Open',
  fields: 'Company',
  save: 'Save company',
  saved: 'Saved.',
  peopleTitle: 'People',
  historyTitle: 'Interactions',
  nextTitle: 'Next steps',
  noHistory: 'No interactions yet.',
  deals: 'Deals',
  morePeople: 'More people than shown: see Clients.',
  companyBadge: 'Company',
  openCompany: (name: string) => `Company card: ${name}`,
  carried: (fields: string[]) => `The company also gets ${fields.join(', ')} from its people.`,
  conflict: (field: string, values: string[]) =>
    `${field} differs among its people: ${values.join(' / ')}. The company gets ${values[0]}; each person keeps their own.`,
};
export type CompanyMessages = typeof en;

const ru: CompanyMessages = {
  tab: 'Компании',
  linkTitle: 'Связать людей с компаниями',
  linkIntro:
    'Компании, найденные в «Клиентах» (тот же ИНН или то же название в любом написании). Снимите отметку с ошибочных; ничего не записывается до подтверждения.',
  find: 'Найти компании',
  finding: 'Ищем…',
  none: 'Все люди с названием компании уже связаны.',
  existing: 'существующая компания',
  people: (n: number) => `${n} ${ruPlural(n, 'человек', 'человека', 'человек')}`,
  spelled: 'Написания',
  confirm: 'Создать и связать',
  linked: (companies: number, people: number) => `Создано компаний: ${companies}, связано людей: ${people}.`,
  openById: 'ID компании',
  open: 'Открыть',
  fields: 'Компания',
  save: 'Сохранить компанию',
  saved: 'Сохранено.',
  peopleTitle: 'Люди',
  historyTitle: 'Взаимодействия',
  nextTitle: 'Следующие шаги',
  noHistory: 'Взаимодействий пока нет.',
  deals: 'Сделки',
  morePeople: 'Людей больше, чем показано: см. «Клиенты».',
  companyBadge: 'Компания',
  openCompany: (name: string) => `Карточка компании: ${name}`,
  carried: (fields: string[]) => `Компания также получит от своих людей: ${fields.join(', ')}.`,
  conflict: (field: string, values: string[]) =>
    `${field} у людей компании различается: ${values.join(' / ')}. Компания получит «${values[0]}»; у каждого человека останется своё.`,
};

const uk: CompanyMessages = {
  tab: 'Компанії',
  linkTitle: 'Пов’язати людей з компаніями',
  linkIntro:
    'Компанії, знайдені в «Клієнтах» (той самий код ЄДРПОУ/ІПН або та сама назва в будь-якому написанні). Зніміть позначку з помилкових; нічого не записується до підтвердження.',
  find: 'Знайти компанії',
  finding: 'Шукаємо…',
  none: 'Усі люди з назвою компанії вже пов’язані.',
  existing: 'наявна компанія',
  people: (n: number) => `${n} ${ruPlural(n, 'особа', 'особи', 'осіб')}`,
  spelled: 'Написання',
  confirm: 'Створити й пов’язати',
  linked: (companies: number, people: number) => `Створено компаній: ${companies}, пов’язано людей: ${people}.`,
  openById: 'ID компанії',
  open: 'Відкрити',
  fields: 'Компанія',
  save: 'Зберегти компанію',
  saved: 'Збережено.',
  peopleTitle: 'Люди',
  historyTitle: 'Взаємодії',
  nextTitle: 'Наступні кроки',
  noHistory: 'Взаємодій поки немає.',
  deals: 'Угоди',
  morePeople: 'Людей більше, ніж показано: див. «Клієнти».',
  companyBadge: 'Компанія',
  openCompany: (name: string) => `Картка компанії: ${name}`,
  carried: (fields: string[]) => `Компанія також отримає від своїх людей: ${fields.join(', ')}.`,
  conflict: (field: string, values: string[]) =>
    `${field} у людей компанії різниться: ${values.join(' / ')}. Компанія отримає «${values[0]}»; у кожної особи залишиться своє.`,
};

const ro: CompanyMessages = {
  tab: 'Companii',
  linkTitle: 'Leagă persoanele de companii',
  linkIntro:
    'Companiile găsite în Clienți (același cod fiscal sau același nume în orice formă). Debifați-le pe cele greșite; nimic nu se scrie până nu confirmați.',
  find: 'Găsește companiile',
  finding: 'Se caută…',
  none: 'Toate persoanele cu un nume de companie sunt legate.',
  existing: 'companie existentă',
  people: (n: number) => `${n} ${n === 1 ? 'persoană' : n % 100 >= 20 || n === 0 ? 'de persoane' : 'persoane'}`,
  spelled: 'Scris ca',
  confirm: 'Creează și leagă',
  linked: (companies: number, people: number) => `Companii create: ${companies}, persoane legate: ${people}.`,
  openById: 'ID companie',
  open: 'Deschide',
  fields: 'Companie',
  save: 'Salvează compania',
  saved: 'Salvat.',
  peopleTitle: 'Persoane',
  historyTitle: 'Interacțiuni',
  nextTitle: 'Pașii următori',
  noHistory: 'Nicio interacțiune încă.',
  deals: 'Contracte',
  morePeople: 'Sunt mai multe persoane decât se arată: vedeți Clienți.',
  companyBadge: 'Companie',
  openCompany: (name: string) => `Fișa companiei: ${name}`,
  carried: (fields: string[]) => `Compania preia de la persoanele sale și: ${fields.join(', ')}.`,
  conflict: (field: string, values: string[]) =>
    `${field} diferă între persoanele sale: ${values.join(' / ')}. Compania primește „${values[0]}”; fiecare persoană își păstrează valoarea.`,
};

function ruPlural(n: number, one: string, few: string, many: string): string {
  const d = n % 10;
  const h = n % 100;
  if (d === 1 && h !== 11) return one;
  if (d >= 2 && d <= 4 && (h < 12 || h > 14)) return few;
  return many;
}

const ALL: Record<'en' | 'ru' | 'uk' | 'ro', CompanyMessages> = { en, ru, uk, ro };

/** Looked up by string so it compiles whether Locale has two members or four. */
export function companyMessages(locale: string): CompanyMessages {
  return ALL[locale as 'en'] ?? en;
}
