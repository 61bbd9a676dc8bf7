/**
 * Date and time patterns as Pact writes them (Java DateTimeFormatter letters, e.g.
 * `yyyy-MM-dd'T'HH:mm:ss'Z'`): a validator for the `date`/`time`/`datetime` matchers and a
 * formatter for the `Date`/`Time`/`DateTime` generators. Values are formatted in UTC.
 * Unsupported letters are a load-time error (DateFormatSupportError).
 */

export class DateFormatSupportError extends Error {}

type Field =
  | 'year'
  | 'month'
  | 'monthName'
  | 'day'
  | 'hour24'
  | 'hour12'
  | 'hour24from1'
  | 'hour11'
  | 'minute'
  | 'second';

interface Piece {
  regex: string;
  field?: Field;
  format: (date: Date) => string;
}

const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
const DAYS = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];
const RANGES: Record<Field, [number, number]> = {
  year: [-999_999_999, 999_999_999],
  month: [1, 12],
  monthName: [1, 12],
  day: [1, 31],
  hour24: [0, 23],
  hour12: [1, 12],
  hour24from1: [1, 24],
  hour11: [0, 11],
  minute: [0, 59],
  second: [0, 60],
};

const pad = (value: number, width: number): string => String(value).padStart(width, '0');
const names = (list: string[], width: number): string =>
  list.map((name) => (width ? name.slice(0, width) : name)).join('|');

function numeric(count: number, field: Field, value: (d: Date) => number): Piece {
  return {
    regex: count === 1 ? '(\\d{1,2})' : '(\\d{2})',
    field,
    format: (d) => pad(value(d), count === 1 ? 1 : 2),
  };
}

function offsetPiece(letter: string, count: number): Piece {
  // Generated values are UTC, so offsets format as zero.
  switch (letter) {
    case 'X':
    case 'x': {
      const zulu = letter === 'X' ? 'Z|' : '';
      const shapes = ['[+-]\\d{2}(?:\\d{2})?', '[+-]\\d{4}', '[+-]\\d{2}:\\d{2}'];
      const zero = ['+00', '+0000', '+00:00', '+0000', '+00:00'];
      const shape =
        count <= 3
          ? shapes[count - 1]
          : count === 4
            ? '[+-]\\d{4}(?:\\d{2})?'
            : '[+-]\\d{2}:\\d{2}';
      return {
        regex: `(?:${zulu}${shape})`,
        format: () => (letter === 'X' ? 'Z' : (zero[count - 1] ?? '+00:00')),
      };
    }
    case 'Z':
      if (count <= 3) return { regex: '[+-]\\d{4}', format: () => '+0000' };
      if (count === 4) return { regex: '(?:GMT(?:[+-]\\d{2}:\\d{2})?)', format: () => 'GMT' };
      return { regex: '(?:Z|[+-]\\d{2}:\\d{2})', format: () => 'Z' };
    case 'O':
      return { regex: '(?:GMT(?:[+-]\\d{1,2}(?::\\d{2})?)?)', format: () => 'GMT' };
    case 'z':
      return { regex: '[A-Za-z][A-Za-z0-9/_+-]*', format: () => 'UTC' };
    case 'V':
      return { regex: '[A-Za-z][A-Za-z0-9/_+-]*', format: () => 'UTC' };
    default:
      throw new DateFormatSupportError(`the zone letter '${letter}'`);
  }
}

function letterPiece(letter: string, count: number): Piece {
  switch (letter) {
    case 'G':
      return { regex: '(?:AD|BC|Anno Domini|Before Christ|A|B)', format: () => 'AD' };
    case 'y':
    case 'u':
      if (count === 2) return { regex: '\\d{2}', format: (d) => pad(d.getUTCFullYear() % 100, 2) };
      return {
        regex: `(-?\\d{${count},9})`,
        field: 'year',
        format: (d) => pad(d.getUTCFullYear(), count),
      };
    case 'M':
    case 'L':
      if (count <= 2) return numeric(count, 'month', (d) => d.getUTCMonth() + 1);
      if (count === 3)
        return {
          regex: `(${names(MONTHS, 3)})`,
          field: 'monthName',
          format: (d) => MONTHS[d.getUTCMonth()]?.slice(0, 3) ?? '',
        };
      if (count === 4)
        return {
          regex: `(${names(MONTHS, 0)})`,
          field: 'monthName',
          format: (d) => MONTHS[d.getUTCMonth()] ?? '',
        };
      return {
        regex: `(?:${names(MONTHS, 1)})`,
        format: (d) => MONTHS[d.getUTCMonth()]?.slice(0, 1) ?? '',
      };
    case 'd':
      return numeric(count, 'day', (d) => d.getUTCDate());
    case 'D': {
      const dayOfYear = (d: Date) =>
        Math.floor((d.getTime() - Date.UTC(d.getUTCFullYear(), 0, 1)) / 86_400_000) + 1;
      return { regex: `\\d{${Math.min(count, 3)},3}`, format: (d) => pad(dayOfYear(d), count) };
    }
    case 'E':
      if (count <= 3)
        return {
          regex: `(?:${names(DAYS, 3)})`,
          format: (d) => DAYS[d.getUTCDay()]?.slice(0, 3) ?? '',
        };
      if (count === 4)
        return { regex: `(?:${names(DAYS, 0)})`, format: (d) => DAYS[d.getUTCDay()] ?? '' };
      return {
        regex: `(?:${names(DAYS, 1)})`,
        format: (d) => DAYS[d.getUTCDay()]?.slice(0, 1) ?? '',
      };
    case 'a':
      return { regex: '(?:AM|PM|am|pm)', format: (d) => (d.getUTCHours() < 12 ? 'AM' : 'PM') };
    case 'H':
      return numeric(count, 'hour24', (d) => d.getUTCHours());
    case 'k':
      return numeric(count, 'hour24from1', (d) => d.getUTCHours() || 24);
    case 'K':
      return numeric(count, 'hour11', (d) => d.getUTCHours() % 12);
    case 'h':
      return numeric(count, 'hour12', (d) => d.getUTCHours() % 12 || 12);
    case 'm':
      return numeric(count, 'minute', (d) => d.getUTCMinutes());
    case 's':
      return numeric(count, 'second', (d) => d.getUTCSeconds());
    case 'S':
      return {
        regex: `\\d{${count}}`,
        format: (d) => pad(d.getUTCMilliseconds(), 3).padEnd(count, '0').slice(0, count),
      };
    case 'X':
    case 'x':
    case 'Z':
    case 'O':
    case 'z':
    case 'V':
      return offsetPiece(letter, count);
    default:
      throw new DateFormatSupportError(`the pattern letter '${letter}'`);
  }
}

interface CompiledFormat {
  regex: RegExp;
  fields: Field[];
  format: (date: Date) => string;
}

const compiled = new Map<string, CompiledFormat>();

/** Compiles a Java-style pattern. Throws DateFormatSupportError for what it cannot read. */
export function compileDateFormat(pattern: string): CompiledFormat {
  const cached = compiled.get(pattern);
  if (cached) return cached;
  let regex = '';
  const fields: Field[] = [];
  const formatters: Array<(d: Date) => string> = [];
  let optionalDepth = 0;
  let i = 0;
  while (i < pattern.length) {
    const ch = pattern[i] as string;
    if (/[A-Za-z]/.test(ch)) {
      let count = 1;
      while (pattern[i + count] === ch) count += 1;
      const piece = letterPiece(ch, count);
      regex += piece.regex;
      if (piece.field) fields.push(piece.field);
      formatters.push(piece.format);
      i += count;
    } else if (ch === "'") {
      if (pattern[i + 1] === "'") {
        regex += "'";
        formatters.push(() => "'");
        i += 2;
        continue;
      }
      let text = '';
      i += 1;
      while (i < pattern.length) {
        if (pattern[i] === "'" && pattern[i + 1] === "'") {
          text += "'";
          i += 2;
        } else if (pattern[i] === "'") {
          break;
        } else {
          text += pattern[i];
          i += 1;
        }
      }
      if (pattern[i] !== "'")
        throw new DateFormatSupportError(`an unterminated quote in '${pattern}'`);
      i += 1;
      regex += text.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      formatters.push(() => text);
    } else if (ch === '[') {
      optionalDepth += 1;
      regex += '(?:';
      i += 1;
    } else if (ch === ']') {
      if (optionalDepth === 0)
        throw new DateFormatSupportError(`an unbalanced ']' in '${pattern}'`);
      optionalDepth -= 1;
      regex += ')?';
      i += 1;
    } else {
      regex += ch.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
      formatters.push(() => ch);
      i += 1;
    }
  }
  if (optionalDepth !== 0) throw new DateFormatSupportError(`an unbalanced '[' in '${pattern}'`);
  const result: CompiledFormat = {
    regex: new RegExp(`^${regex}$`),
    fields,
    format: (date) => formatters.map((f) => f(date)).join(''),
  };
  compiled.set(pattern, result);
  return result;
}

/** Null when `value` fits `pattern`, else the reason. */
export function checkDateValue(value: string, pattern: string): string | null {
  const { regex, fields } = compileDateFormat(pattern);
  const m = regex.exec(value);
  if (!m) return `'${value}' does not match the date/time format '${pattern}'`;
  const found: Partial<Record<Field, number>> = {};
  for (let g = 0; g < fields.length; g += 1) {
    const text = m[g + 1];
    if (text === undefined) continue;
    const field = fields[g] as Field;
    const [low, high] = RANGES[field];
    const n =
      field === 'monthName'
        ? MONTHS.findIndex((name) => name.startsWith(text.slice(0, 3))) + 1
        : Number(text);
    if (n < low || n > high) {
      return `'${value}' has ${field} ${text}, outside ${low}-${high} (format '${pattern}')`;
    }
    found[field === 'monthName' ? 'month' : field] = n;
  }
  return impossibleDay(value, found.year, found.month, found.day);
}

/** Days in a month of the proleptic Gregorian calendar (a year not given may be a leap year). */
function daysInMonth(year: number | undefined, month: number): number {
  if (month === 2) {
    if (year === undefined) return 29;
    return (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0 ? 29 : 28;
  }
  return [4, 6, 9, 11].includes(month) ? 30 : 31;
}

/** Null unless the day does not exist in its month (`2023-02-30`, `2023-04-31`, `2023-02-29`). */
export function impossibleDay(
  value: string,
  year: number | undefined,
  month: number | undefined,
  day: number | undefined,
): string | null {
  if (month === undefined || day === undefined) return null;
  const last = daysInMonth(year, month);
  return day > last
    ? `'${value}' is not a date: month ${month}${year === undefined ? '' : ` of ${year}`} has ${last} days`
    : null;
}

export function formatDate(date: Date, pattern: string): string {
  return compileDateFormat(pattern).format(date);
}

// ---------------------------------------------------------------------------------------------
// Pact date/time expressions of generators: `now`, `today + 1 day`, `tomorrow @ noon`,
// `- 2 hours`, `@ 14:30`. Read from Pact's expression grammar; unsupported input is a
// load-time error.

const DAY_MS = 86_400_000;
const HOUR_MS = 3_600_000;
const UNIT_MS: Record<string, number> = {
  millisecond: 1,
  second: 1000,
  minute: 60_000,
  hour: 3_600_000,
  day: 86_400_000,
  week: 604_800_000,
};

/** Throws DateFormatSupportError when `expression` cannot be read. */
export function evaluateDateExpression(expression: string | undefined, now: Date): Date {
  const text = (expression ?? '').trim().toLowerCase();
  if (!text) return now;
  const [datePart = '', timePart] = text.split('@').map((part) => part.trim());
  let result = new Date(now.getTime());
  const tokens = datePart.match(/[a-z]+|[+-]|\d+/g) ?? [];
  let index = 0;
  const base = tokens[0];
  const startOfDay = (d: Date) =>
    new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate()));
  if (base === 'now') index = 1;
  else if (base === 'today') [result, index] = [startOfDay(result), 1];
  else if (base === 'tomorrow')
    [result, index] = [new Date(startOfDay(result).getTime() + DAY_MS), 1];
  else if (base === 'yesterday')
    [result, index] = [new Date(startOfDay(result).getTime() - DAY_MS), 1];
  while (index < tokens.length) {
    const sign = tokens[index];
    const amount = Number(tokens[index + 1]);
    const unit = (tokens[index + 2] ?? '').replace(/s$/, '');
    if ((sign !== '+' && sign !== '-') || !Number.isFinite(amount) || !unit) {
      throw new DateFormatSupportError(`the date expression '${expression}'`);
    }
    const direction = sign === '+' ? 1 : -1;
    if (unit === 'month' || unit === 'year') {
      const months = amount * direction * (unit === 'year' ? 12 : 1);
      result = new Date(result.getTime());
      result.setUTCMonth(result.getUTCMonth() + months);
    } else if (UNIT_MS[unit] !== undefined) {
      result = new Date(result.getTime() + direction * amount * (UNIT_MS[unit] as number));
    } else {
      throw new DateFormatSupportError(`the unit '${unit}' in '${expression}'`);
    }
    index += 3;
  }
  if (timePart !== undefined) result = applyTimeOfDay(result, timePart, expression ?? '');
  return result;
}

function applyTimeOfDay(date: Date, text: string, expression: string): Date {
  const day = Date.UTC(date.getUTCFullYear(), date.getUTCMonth(), date.getUTCDate());
  if (text === 'midnight') return new Date(day);
  if (text === 'noon') return new Date(day + 12 * HOUR_MS);
  const m = /^(\d{1,2})(?::(\d{2}))?(?::(\d{2}))?\s*(am|pm|o'clock)?$/.exec(text);
  if (!m) throw new DateFormatSupportError(`the time of day in '${expression}'`);
  let hours = Number(m[1]);
  if (m[4] === 'pm' && hours < 12) hours += 12;
  if (m[4] === 'am' && hours === 12) hours = 0;
  return new Date(day + hours * HOUR_MS + Number(m[2] ?? 0) * 60_000 + Number(m[3] ?? 0) * 1000);
}
