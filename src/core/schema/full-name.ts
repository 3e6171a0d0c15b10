/**
 * Splitting a full-name cell ("ФИО", "Full name", "Nume complet") into first
 * and last name. The rule, in order:
 *
 * 1. "Surname, Given" (a comma) is surname-first.
 * 2. A patronymic (-ович, -евич, -ич, -овна, -евна, -ична, -івна, -ївна,
 *    -ogly, -kyzy) marks Russian/Ukrainian order: "Петров Александр Иванович"
 *    (surname, name, patronymic) or "Александр Иванович Петров" (name,
 *    patronymic, surname).
 * 3. With two words, a well-known first name decides ("Popescu Ion",
 *    "Ion Popescu", "Петров Александр"); failing that, a typical surname ending
 *    (-ов/-ова, -ев, -ин, -ский, -енко, -чук, -escu, -eanu…) on the first word
 *    and not the second means surname-first.
 * 4. Otherwise the Western order: given name(s) first, the last word is the
 *    surname, with particles kept on the surname ("Ludwig van Beethoven").
 *
 * Every word of the input ends up in exactly one of the parts.
 */
import { isKnownFirstName } from './first-names';

export interface NameParts {
  firstName: string;
  lastName: string;
  middleName?: string;
}

const PATRONYMIC = /(?:ович|евич|ьич|овна|евна|ична|инична|івна|ївна|oglu|ogly|kyzy|ovich|evich|ovna|evna)$/iu;
const SURNAME_ENDING =
  /(?:ов|ова|ев|ева|ёв|ёва|ин|ина|ын|ына|ский|ская|цкий|цкая|енко|ук|юк|чук|ко|ян|швили|дзе|escu|eanu|anu|ovic|ović|ov|ova|ev|eva|enko|sky|ski)$/iu;
const PARTICLES = new Set(['van', 'von', 'der', 'den', 'de', 'da', 'das', 'dos', 'del', 'della', 'di', 'du', 'la', 'le', 'bin', 'ibn', 'al', 'el']);

function isPatronymic(word: string): boolean {
  return word.length > 5 && PATRONYMIC.test(word);
}

function looksLikeSurname(word: string): boolean {
  return word.length > 3 && SURNAME_ENDING.test(word) && !isKnownFirstName(word);
}

function parts(firstName: string, lastName: string, middleName?: string): NameParts {
  return middleName ? { firstName, lastName, middleName } : { firstName, lastName };
}

export function splitFullName(value: string): NameParts {
  const text = String(value ?? '')
    .replace(/[\s\u00a0]+/g, ' ')
    .trim();
  if (text === '') return { firstName: '', lastName: '' };

  const comma = text.indexOf(',');
  if (comma > 0) {
    const surname = text.slice(0, comma).trim();
    const rest = text
      .slice(comma + 1)
      .replace(/,/g, ' ')
      .trim()
      .split(' ')
      .filter(Boolean);
    if (rest.length === 0) return { firstName: '', lastName: surname };
    return parts(rest[0], surname, rest.slice(1).join(' ') || undefined);
  }

  const words = text.split(' ');
  if (words.length === 1) return { firstName: words[0], lastName: '' };

  const last = words.length - 1;
  if (words.length === 3 && isPatronymic(words[1]) && isKnownFirstName(words[0])) {
    // Дмитрий Дмитриевич Шостакович: the surname itself may end like a patronymic.
    return parts(words[0], words[2], words[1]);
  }
  if (words.length >= 3 && isPatronymic(words[last])) {
    // Петров Александр Иванович
    return parts(words.slice(1, last).join(' '), words[0], words[last]);
  }
  if (words.length === 3 && isPatronymic(words[1])) {
    // Александр Иванович Петров
    return parts(words[0], words[2], words[1]);
  }

  if (words.length === 2) {
    const [a, b] = words;
    const aFirst = isKnownFirstName(a);
    const bFirst = isKnownFirstName(b);
    if (bFirst && !aFirst) return parts(b, a);
    if (aFirst && !bFirst) return parts(a, b);
    if (looksLikeSurname(a) && !looksLikeSurname(b)) return parts(b, a);
    return parts(a, b);
  }

  // Three or more words without a patronymic: given names, then the surname with its particles.
  let surnameStart = last;
  while (surnameStart > 1 && PARTICLES.has(words[surnameStart - 1].toLowerCase())) surnameStart--;
  if (isKnownFirstName(words[last]) && !isKnownFirstName(words[0])) {
    // "Popescu Ion Mihai": surname first, then given names.
    return parts(words.slice(1).join(' '), words[0]);
  }
  return parts(words.slice(0, surnameStart).join(' '), words.slice(surnameStart).join(' '));
}
