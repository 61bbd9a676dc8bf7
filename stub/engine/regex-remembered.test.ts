/**
 * compileRegex() remembers the answers for short values (RE2JS is slow per match, a stub sees
 * the same values again and again). Remembering must never change an answer.
 */
import { compileRegex } from './regex';

it('keeps the answers of two patterns for the same value apart', () => {
  const digits = compileRegex('\\d{1,4}');
  const letters = compileRegex('[a-z]+');
  for (let round = 0; round < 3; round += 1) {
    expect(digits.matches('1234')).toBe(true);
    expect(letters.matches('1234')).toBe(false);
    expect(digits.matches('12345')).toBe(false);
  }
});

it('answers right past the bound, and for values too long to remember', () => {
  const regex = compileRegex('/p/\\d{1,4}');
  for (let n = 0; n < 12_000; n += 1) {
    expect(regex.matches(`/p/${n}`)).toBe(n < 10_000);
  }
  expect(regex.matches(`/p/1${'0'.repeat(300)}`)).toBe(false);
  const long = compileRegex('a+');
  expect(long.matches('a'.repeat(300))).toBe(true);
  expect(long.matches(`${'a'.repeat(300)}b`)).toBe(false);
});
