/**
 * Rule errors in the reader's language. The parser words its errors in
 * English (they also go to logs and the CLI); their shapes are few and fixed,
 * so each language rewords them by pattern, keeping the quoted text, the
 * position and any suggestion. A message no pattern knows stays English.
 */
import type { Lang } from '../i18n/lang';

type Words = ReadonlyArray<readonly [RegExp, (...groups: string[]) => string]>;

const END = 'the end of the rule';

const RU: Words = [
  [/^Unknown field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `Неизвестное поле «${f}» (позиция ${at}) — может быть, «${s}»?`],
  [/^Unknown field "(.*)" at (\d+)$/, (f, at) => `Неизвестное поле «${f}» (позиция ${at})`],
  [/^Unknown company field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `У компаний нет поля «${f}» (позиция ${at}) — может быть, «${s}»?`],
  [/^Unknown company field "(.*)" at (\d+)$/, (f, at) => `У компаний нет поля «${f}» (позиция ${at})`],
  [
    /^There is no Companies tab for "(.*)" at (\d+): run ClientBase ▸ Link people to companies first$/,
    (f, at) => `Для «${f}» (позиция ${at}) нужна вкладка компаний: сначала выполните ClientBase ▸ Связать людей с компаниями`,
  ],
  [/^The rule is empty: write a condition such as (.*)$/, (ex) => `Правило пустое: напишите условие, например ${ex}`],
  [/^The rule must be text$/, () => 'Правило должно быть текстом'],
  [/^A rule is not a formula: start with a field name, for example (.*)$/, (ex) => `Правило — не формула: начните с названия поля, например ${ex}`],
  [/^Unexpected (.*) at (\d+): join conditions with "and" or "or"$/, (x, at) => `Неожиданное ${x} (позиция ${at}): соединяйте условия словами «и» или «или»`],
  [/^Unmatched "\)" at (\d+)$/, (at) => `Лишняя «)» (позиция ${at})`],
  [/^Missing "\)" for the "\(" at (\d+)$/, (at) => `Не хватает «)» для «(» (позиция ${at})`],
  [
    /^Expected an operator after (.*) at (\d+), found (.*) \(one of (.*)\)$/,
    (o, at, x, ops) => `После ${o} (позиция ${at}) нужен оператор, а стоит ${x} (один из: ${ops})`,
  ],
  [/^Put text values in double quotes at (\d+): (.*)$/, (at, ex) => `Текст пишите в двойных кавычках (позиция ${at}): ${ex}`],
  [/^Unterminated text starting at (\d+): add the closing "$/, (at) => `Текст, начатый в позиции ${at}, не закрыт: добавьте закрывающую "`],
  [
    /^Unexpected quote "(.)" at (\d+): put text in straight double quotes "…"$/,
    (q, at) => `Неподходящая кавычка ${q} (позиция ${at}): используйте прямые двойные кавычки "…"`,
  ],
  [/^Unexpected "!" at (\d+): write != for "is not equal"$/, (at) => `Неожиданный «!» (позиция ${at}): «не равно» пишется !=`],
  [/^Expected a field name at (\d+), found (.*)$/, (at, x) => `Ожидалось название поля (позиция ${at}), а стоит ${x}`],
  [/^Expected a condition at (\d+), found the end of the rule$/, (at) => `Ожидалось условие (позиция ${at}), а правило закончилось`],
  [/^Expected a value after (.*) at (\d+), found (.*)$/, (o, at, x) => `Ожидалось значение после ${o} (позиция ${at}), а стоит ${x}`],
  [/^"(.*)" at (\d+) is not a date$/, (x, at) => `«${x}» (позиция ${at}) — не дата`],
  [/^Expected "(.*)" at (\d+), found (.*)$/, (w, at, x) => `Ожидалось «${w}» (позиция ${at}), а стоит ${x}`],
];

const UK: Words = [
  [/^Unknown field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `Невідоме поле «${f}» (позиція ${at}) — можливо, «${s}»?`],
  [/^Unknown field "(.*)" at (\d+)$/, (f, at) => `Невідоме поле «${f}» (позиція ${at})`],
  [/^Unknown company field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `У компаній немає поля «${f}» (позиція ${at}) — можливо, «${s}»?`],
  [/^Unknown company field "(.*)" at (\d+)$/, (f, at) => `У компаній немає поля «${f}» (позиція ${at})`],
  [
    /^There is no Companies tab for "(.*)" at (\d+): run ClientBase ▸ Link people to companies first$/,
    (f, at) => `Для «${f}» (позиція ${at}) потрібна вкладка компаній: спершу виконайте ClientBase ▸ Пов’язати людей з компаніями`,
  ],
  [/^The rule is empty: write a condition such as (.*)$/, (ex) => `Правило порожнє: напишіть умову, наприклад ${ex}`],
  [/^The rule must be text$/, () => 'Правило має бути текстом'],
  [/^A rule is not a formula: start with a field name, for example (.*)$/, (ex) => `Правило — не формула: почніть із назви поля, наприклад ${ex}`],
  [/^Unexpected (.*) at (\d+): join conditions with "and" or "or"$/, (x, at) => `Неочікуване ${x} (позиція ${at}): поєднуйте умови словами «і» або «або»`],
  [/^Unmatched "\)" at (\d+)$/, (at) => `Зайва «)» (позиція ${at})`],
  [/^Missing "\)" for the "\(" at (\d+)$/, (at) => `Бракує «)» для «(» (позиція ${at})`],
  [
    /^Expected an operator after (.*) at (\d+), found (.*) \(one of (.*)\)$/,
    (o, at, x, ops) => `Після ${o} (позиція ${at}) потрібен оператор, а стоїть ${x} (один із: ${ops})`,
  ],
  [/^Put text values in double quotes at (\d+): (.*)$/, (at, ex) => `Текст пишіть у подвійних лапках (позиція ${at}): ${ex}`],
  [/^Unterminated text starting at (\d+): add the closing "$/, (at) => `Текст, розпочатий у позиції ${at}, не закрито: додайте закривні "`],
  [
    /^Unexpected quote "(.)" at (\d+): put text in straight double quotes "…"$/,
    (q, at) => `Невідповідні лапки ${q} (позиція ${at}): використовуйте прямі подвійні лапки "…"`,
  ],
  [/^Unexpected "!" at (\d+): write != for "is not equal"$/, (at) => `Неочікуваний «!» (позиція ${at}): «не дорівнює» пишеться !=`],
  [/^Expected a field name at (\d+), found (.*)$/, (at, x) => `Очікувалася назва поля (позиція ${at}), а стоїть ${x}`],
  [/^Expected a condition at (\d+), found the end of the rule$/, (at) => `Очікувалася умова (позиція ${at}), а правило закінчилося`],
  [/^Expected a value after (.*) at (\d+), found (.*)$/, (o, at, x) => `Очікувалося значення після ${o} (позиція ${at}), а стоїть ${x}`],
  [/^"(.*)" at (\d+) is not a date$/, (x, at) => `«${x}» (позиція ${at}) — не дата`],
  [/^Expected "(.*)" at (\d+), found (.*)$/, (w, at, x) => `Очікувалося «${w}» (позиція ${at}), а стоїть ${x}`],
];

const RO: Words = [
  [/^Unknown field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `Câmp necunoscut „${f}” (poziția ${at}) — poate „${s}”?`],
  [/^Unknown field "(.*)" at (\d+)$/, (f, at) => `Câmp necunoscut „${f}” (poziția ${at})`],
  [/^Unknown company field "(.*)" at (\d+) — did you mean "(.*)"\?$/, (f, at, s) => `Companiile nu au câmpul „${f}” (poziția ${at}) — poate „${s}”?`],
  [/^Unknown company field "(.*)" at (\d+)$/, (f, at) => `Companiile nu au câmpul „${f}” (poziția ${at})`],
  [
    /^There is no Companies tab for "(.*)" at (\d+): run ClientBase ▸ Link people to companies first$/,
    (f, at) => `Pentru „${f}” (poziția ${at}) este nevoie de fila companiilor: rulați întâi ClientBase ▸ Leagă persoanele de companii`,
  ],
  [/^The rule is empty: write a condition such as (.*)$/, (ex) => `Regula este goală: scrieți o condiție, de exemplu ${ex}`],
  [/^The rule must be text$/, () => 'Regula trebuie să fie text'],
  [
    /^A rule is not a formula: start with a field name, for example (.*)$/,
    (ex) => `O regulă nu este o formulă: începeți cu numele unui câmp, de exemplu ${ex}`,
  ],
  [/^Unexpected (.*) at (\d+): join conditions with "and" or "or"$/, (x, at) => `${x} neașteptat (poziția ${at}): legați condițiile cu „și” sau „sau”`],
  [/^Unmatched "\)" at (\d+)$/, (at) => `„)” fără pereche (poziția ${at})`],
  [/^Missing "\)" for the "\(" at (\d+)$/, (at) => `Lipsește „)” pentru „(” (poziția ${at})`],
  [
    /^Expected an operator after (.*) at (\d+), found (.*) \(one of (.*)\)$/,
    (o, at, x, ops) => `După ${o} (poziția ${at}) trebuie un operator, dar urmează ${x} (unul dintre: ${ops})`,
  ],
  [/^Put text values in double quotes at (\d+): (.*)$/, (at, ex) => `Scrieți textul între ghilimele duble (poziția ${at}): ${ex}`],
  [/^Unterminated text starting at (\d+): add the closing "$/, (at) => `Textul început la poziția ${at} nu este închis: adăugați " de închidere`],
  [
    /^Unexpected quote "(.)" at (\d+): put text in straight double quotes "…"$/,
    (q, at) => `Ghilimele nepotrivite ${q} (poziția ${at}): folosiți ghilimele drepte duble "…"`,
  ],
  [/^Unexpected "!" at (\d+): write != for "is not equal"$/, (at) => `„!” neașteptat (poziția ${at}): „diferit de” se scrie !=`],
  [/^Expected a field name at (\d+), found (.*)$/, (at, x) => `Se aștepta numele unui câmp (poziția ${at}), dar urmează ${x}`],
  [/^Expected a condition at (\d+), found the end of the rule$/, (at) => `Se aștepta o condiție (poziția ${at}), dar regula s-a terminat`],
  [/^Expected a value after (.*) at (\d+), found (.*)$/, (o, at, x) => `Se aștepta o valoare după ${o} (poziția ${at}), dar urmează ${x}`],
  [/^"(.*)" at (\d+) is not a date$/, (x, at) => `„${x}” (poziția ${at}) nu este o dată`],
  [/^Expected "(.*)" at (\d+), found (.*)$/, (w, at, x) => `Se aștepta „${w}” (poziția ${at}), dar urmează ${x}`],
];

const WORDS: Partial<Record<Lang, Words>> = { ru: RU, uk: UK, ro: RO };
const END_WORDS: Partial<Record<Lang, string>> = { ru: 'конец правила', uk: 'кінець правила', ro: 'sfârșitul regulii' };

/**
 * A rule error message (its first line; a caret block below it is kept) in `lang`.
 * "the end of the rule" inside a message is reworded too.
 */
export function ruleErrorText(message: string, lang: Lang): string {
  const words = WORDS[lang];
  if (!words) return message;
  const [first, ...rest] = message.split('\n');
  for (const [pattern, word] of words) {
    const m = pattern.exec(first);
    if (m) {
      const text = word(...m.slice(1).map((g) => (g === END ? (END_WORDS[lang] ?? g) : (g ?? ''))));
      return [text, ...rest].join('\n');
    }
  }
  return message;
}
