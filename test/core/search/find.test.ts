import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { searchDoc, searchDocs } from '../../../src/core/search/find';

const docs = [
  searchDoc({ id: 'C1', names: ['Александр', 'Щербаков', 'ООО «Вектор»'], emails: ['aleksandr.shcherbakov@inbox.ru'], phones: ['+7 (916) 123-45-67'] }),
  searchDoc({ id: 'C2', names: ['Radu', 'Editescu', 'SC Agro Vest SRL'], emails: ['radu.editescu@example.ro'], phones: ['0721 234 567'] }),
  searchDoc({ id: 'C3', names: ['Robert', 'Smith', ''], emails: [], phones: [] }),
];
const ids = (q: string) => searchDocs(docs, q).map((h) => h.id);

describe('type-ahead search', () => {
  it('finds a client by a whole email, whatever its country domain', () => {
    expect(ids('aleksandr.shcherbakov@inbox.ru')).toEqual(['C1']);
    expect(ids('RADU.EDITESCU@example.ro ')).toEqual(['C2']);
    expect(ids('radu.editescu@')).toEqual(['C2']);
  });

  it('ignores the alphabet and accents of names', () => {
    expect(ids('Aleksandr')).toEqual(['C1']);
    expect(ids('щербаков')).toEqual(['C1']);
    expect(ids('shcherbakov alek')).toEqual(['C1']);
    expect(ids('agro')).toEqual(['C2']);
  });

  it('finds phones by digits however they are grouped', () => {
    expect(ids('916 123 45')).toEqual(['C1']);
    expect(ids('0721234567')).toEqual(['C2']);
  });

  it('returns nothing for an empty or hostile query and never throws', () => {
    expect(ids('')).toEqual([]);
    expect(ids('<img src=x onerror=alert(1)>')).toEqual([]);
    fc.assert(fc.property(fc.string({ maxLength: 300 }), (q) => Array.isArray(searchDocs(docs, q))));
  });
});
