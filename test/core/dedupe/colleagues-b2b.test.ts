/**
 * Issue #17: colleagues at one company share its office phone, its role
 * mailbox, its address and its name; they are not duplicates of each other
 * unless their own fields (own mobile, own personal email, the same name) say so.
 */
import { describe, expect, it } from 'vitest';
import { findDuplicates } from '../../../src/core/dedupe/engine';
import type { PersonRecord } from '../../../src/core/dedupe/record';

const office = { company: 'ООО «Вектор»', phones: ['+7 495 123-45-67'], street: 'ул. Ленина, 5', city: 'Москва' };
const B2B: PersonRecord[] = [
  { id: 'v1', firstName: 'Сергей', lastName: 'Орлов', ...office, emails: ['info@vector.ru'] },
  { id: 'v2', firstName: 'Игорь', lastName: 'Белов', ...office, emails: ['info@vector.ru'] },
  { id: 'v3', firstName: 'Анна', lastName: 'Кузнецова', ...office, emails: ['office@vector.ru'] },
  { id: 'v4', firstName: 'Мария', lastName: 'Орлова', ...office, emails: ['sales@vector.ru'] },
  // Sergey Orlov again, from a business card: his own mobile next to the office line.
  { id: 'v5', firstName: 'Sergey', lastName: 'Orlov', company: 'Vector LLC', phones: ['+7 495 123 45 67', '+7 916 555-01-02'] },
  { id: 'v6', firstName: 'Сергей', lastName: 'Орлов', company: 'Вектор', phones: ['8 916 555 01 02'] },
  // Anna with her personal email, typed once at the office and once from a web form.
  { id: 'v7', firstName: 'Аня', lastName: 'Кузнецова', company: 'Вектор', emails: ['anna.kuz83@gmail.com'] },
  { id: 'v8', firstName: 'Anna', lastName: 'Kuznetsova', ...office, emails: ['anna.kuz83@gmail.com'] },
  // Another company in the same building, same switchboard.
  { id: 'w1', firstName: 'Пётр', lastName: 'Смирнов', company: 'Альфа', phones: ['+7 495 123-45-67'], street: 'ул. Ленина, 5', city: 'Москва' },
];

describe('colleagues at one company', () => {
  const { pairs, groups } = findDuplicates(B2B);
  const ids = pairs.map((p) => [p.a, p.b].sort().join('+'));
  const colleagues = new Set(['v1', 'v2', 'v3', 'v4', 'w1']);

  it('are not proposed as duplicates of each other (office phone, role mailbox, address, company)', () => {
    for (const id of ids) {
      const [a, b] = id.split('+');
      const sameSergey = ['v1', 'v5', 'v6'].includes(a) && ['v1', 'v5', 'v6'].includes(b);
      const sameAnna = ['v3', 'v7', 'v8'].includes(a) && ['v3', 'v7', 'v8'].includes(b);
      expect(sameSergey || sameAnna, `${id} proposed`).toBe(true);
    }
    for (const g of groups) expect(g.members.filter((m) => colleagues.has(m)).length).toBeLessThanOrEqual(1);
  });

  it('are proposed when their own mobile says one person (Сергей Орлов / Sergey Orlov)', () => {
    expect(ids).toContain('v5+v6');
    expect(pairs.find((p) => [p.a, p.b].sort().join('+') === 'v5+v6')!.reasons.join(' ')).toMatch(/same phone/);
  });

  it('are proposed when their own personal email says one person (Аня / Anna Kuznetsova)', () => {
    expect(ids).toContain('v7+v8');
  });

  it('the office line alone never joins people of two companies in one building', () => {
    expect(ids.some((id) => id.includes('w1'))).toBe(false);
  });
});
