/**
 * Regular expressions as pacts write them, with the semantics of Pact's own matcher (the Rust
 * `regex` crate behind pact_matching and pact-stub-server): the pattern must match the **whole**
 * value (`\d{1,4}` refuses `9999X` and `X12345`), there are no lookarounds or back-references,
 * and matching takes time linear in the value. A backtracking engine (JavaScript's RegExp) would
 * let one request hold the server: `^/csrf/(a|a)*b$` doubles its time with each character.
 *
 * So every pact regex runs on RE2JS, the JavaScript port of RE2 (the design the Rust crate
 * follows): the same syntax family (`(?i)`, `(?P<name>...)`, `\pL`, `\A`, `\z`), the same
 * refusals (a lookaround or back-reference is a load-time error naming the pattern), and an
 * automaton instead of backtracking. One known gap: RE2's `\d`, `\w` and `\s` are ASCII,
 * the Rust crate's are Unicode (docs/conformance.md, REGEX_UNICODE_CLASSES).
 */
import { RE2JS } from 're2js';

export class RegexSupportError extends Error {}

/** A compiled pact regex: `matches` is a full match, in linear time. */
export interface PactRegex {
  readonly source: string;
  /** True when the pattern starts with an inline case-insensitive flag, e.g. `(?i)`. */
  readonly caseInsensitive: boolean;
  matches(text: string): boolean;
}

const cache = new Map<string, PactRegex>();

/**
 * RE2JS costs about 1.7 µs a match where V8's backtracking RegExp costs 0.05 µs, and a stub
 * sees the same few values over and over (the MFE's paths, course keys, header values): the
 * answers for short values are remembered. Bounded in count and in the length of what is kept
 * (a few MB at most); when full it starts over, so a client inventing values cannot grow it.
 */
const REMEMBERED_MAX = 4096;
const REMEMBERED_TEXT_MAX = 256;
const remembered = new Map<string, boolean>();
let nextRegexId = 0;

function rememberedMatch(id: number, compiled: RE2JS, text: string): boolean {
  if (text.length > REMEMBERED_TEXT_MAX) return compiled.matches(text);
  const key = `${id} ${text}`;
  const known = remembered.get(key);
  if (known !== undefined) return known;
  const result = compiled.matches(text);
  if (remembered.size >= REMEMBERED_MAX) remembered.clear();
  remembered.set(key, result);
  return result;
}

/** Compiles a pact regex; throws RegexSupportError naming what RE2 (and Rust) cannot express. */
export function compileRegex(source: string): PactRegex {
  const cached = cache.get(source);
  if (cached) return cached;
  let compiled: RE2JS;
  try {
    compiled = RE2JS.compile(source);
  } catch (error) {
    throw new RegexSupportError(
      `'${source}' is not a valid Pact regular expression (Rust regex syntax: no lookarounds, ` +
        `no back-references): ${error instanceof Error ? error.message : String(error)}`,
    );
  }
  const id = nextRegexId++;
  const regex: PactRegex = {
    source,
    caseInsensitive: /^\(\?[a-zA-Z]*i[a-zA-Z]*\)/.test(source),
    matches: (text) => rememberedMatch(id, compiled, text),
  };
  cache.set(source, regex);
  return regex;
}

// ---------------------------------------------------------------------------------------------
// Generation: a recursive-descent parser over the common subset (literals, classes, escapes,
// groups, alternation, quantifiers, anchors). Anything else is a load-time error.

type Node =
  | { kind: 'chars'; set: string[] }
  | { kind: 'seq'; items: Node[] }
  | { kind: 'alt'; options: Node[] }
  | { kind: 'repeat'; node: Node; min: number; max: number }
  | { kind: 'empty' };

const PRINTABLE = Array.from({ length: 95 }, (_, i) => String.fromCharCode(32 + i));
const DIGITS = '0123456789'.split('');
const WORD = [...'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ', ...DIGITS, '_'];
const SPACE = [' ', '\t'];
/** Unbounded quantifiers (`*`, `+`, `{n,}`) generate at most this many extra repetitions. */
const OPEN_REPEAT = 5;

function escapeSet(letter: string): string[] | undefined {
  switch (letter) {
    case 'd':
      return DIGITS;
    case 'w':
      return WORD;
    case 's':
      return SPACE;
    case 'D':
      return PRINTABLE.filter((c) => !DIGITS.includes(c));
    case 'W':
      return PRINTABLE.filter((c) => !WORD.includes(c));
    case 'S':
      return PRINTABLE.filter((c) => !SPACE.includes(c));
    default:
      return undefined;
  }
}

class RegexParser {
  private i = 0;
  constructor(private readonly src: string) {}

  parse(): Node {
    const node = this.alternation();
    if (this.i < this.src.length) this.fail(`unexpected '${this.src[this.i]}'`);
    return node;
  }

  private fail(why: string): never {
    throw new RegexSupportError(
      `cannot generate a value for /${this.src}/ (position ${this.i}): ${why}`,
    );
  }

  private alternation(): Node {
    const options = [this.sequence()];
    while (this.src[this.i] === '|') {
      this.i += 1;
      options.push(this.sequence());
    }
    return options.length === 1 ? (options[0] as Node) : { kind: 'alt', options };
  }

  private sequence(): Node {
    const items: Node[] = [];
    while (this.i < this.src.length && this.src[this.i] !== '|' && this.src[this.i] !== ')') {
      const atom = this.atom();
      items.push(this.quantified(atom));
    }
    return { kind: 'seq', items };
  }

  private quantified(atom: Node): Node {
    const ch = this.src[this.i];
    let min: number;
    let max: number;
    if (ch === '*' || ch === '+' || ch === '?') {
      this.i += 1;
      [min, max] = ch === '*' ? [0, OPEN_REPEAT] : ch === '+' ? [1, 1 + OPEN_REPEAT] : [0, 1];
    } else if (ch === '{' && /^\{\d+(,\d*)?\}/.test(this.src.slice(this.i))) {
      const m = /^\{(\d+)(,(\d*))?\}/.exec(this.src.slice(this.i)) as RegExpExecArray;
      this.i += m[0].length;
      min = Number(m[1]);
      max = m[2] === undefined ? min : m[3] ? Number(m[3]) : min + OPEN_REPEAT;
    } else {
      return atom;
    }
    if (this.src[this.i] === '?' || this.src[this.i] === '+') this.i += 1; // lazy / possessive
    return { kind: 'repeat', node: atom, min, max };
  }

  private atom(): Node {
    const ch = this.src[this.i] as string;
    this.i += 1;
    switch (ch) {
      case '^':
      case '$':
        return { kind: 'empty' };
      case '.':
        return { kind: 'chars', set: PRINTABLE };
      case '(': {
        if (this.src[this.i] === '?') {
          const rest = this.src.slice(this.i);
          const named = /^\?P?<[A-Za-z_][A-Za-z0-9_]*>/.exec(rest);
          if (rest.startsWith('?:')) this.i += 2;
          else if (named) this.i += named[0].length;
          else this.fail('lookarounds and inline flags are not supported');
        }
        const inner = this.alternation();
        if (this.src[this.i] !== ')') this.fail('missing ")"');
        this.i += 1;
        return inner;
      }
      case '[':
        return this.charClass();
      case '\\':
        return this.escape();
      case '*':
      case '+':
      case '?':
      case '{':
        return this.fail(`nothing to repeat before '${ch}'`);
      default:
        return { kind: 'chars', set: [ch] };
    }
  }

  private escape(): Node {
    const letter = this.src[this.i];
    if (letter === undefined) this.fail('trailing backslash');
    this.i += 1;
    const set = escapeSet(letter as string);
    if (set) return { kind: 'chars', set };
    if (letter === 'b' || letter === 'B') return { kind: 'empty' };
    if (/[0-9]/.test(letter as string)) this.fail('back-references are not supported');
    if (letter === 'n') return { kind: 'chars', set: ['\n'] };
    if (letter === 't') return { kind: 'chars', set: ['\t'] };
    if (/[A-Za-z]/.test(letter as string)) this.fail(`the escape \\${letter} is not supported`);
    return { kind: 'chars', set: [letter as string] };
  }

  private charClass(): Node {
    let negate = false;
    if (this.src[this.i] === '^') {
      negate = true;
      this.i += 1;
    }
    const chosen = new Set<string>();
    let first = true;
    while (this.i < this.src.length && (this.src[this.i] !== ']' || first)) {
      first = false;
      let ch = this.src[this.i] as string;
      this.i += 1;
      if (ch === '\\') {
        const letter = this.src[this.i] as string;
        this.i += 1;
        const set = escapeSet(letter);
        if (set) {
          for (const c of set) chosen.add(c);
          continue;
        }
        ch = letter === 'n' ? '\n' : letter === 't' ? '\t' : letter;
      }
      if (
        this.src[this.i] === '-' &&
        this.src[this.i + 1] !== ']' &&
        this.i + 1 < this.src.length
      ) {
        this.i += 1;
        let end = this.src[this.i] as string;
        this.i += 1;
        if (end === '\\') {
          end = this.src[this.i] as string;
          this.i += 1;
        }
        const from = ch.codePointAt(0) as number;
        const to = end.codePointAt(0) as number;
        if (to < from) this.fail(`reversed range ${ch}-${end}`);
        for (let c = from; c <= to && c - from < 512; c += 1) chosen.add(String.fromCodePoint(c));
      } else {
        chosen.add(ch);
      }
    }
    if (this.src[this.i] !== ']') this.fail('missing "]"');
    this.i += 1;
    const set = negate ? PRINTABLE.filter((c) => !chosen.has(c)) : [...chosen];
    if (set.length === 0) this.fail('empty character class');
    return { kind: 'chars', set };
  }
}

function pick<T>(items: readonly T[], random: () => number): T {
  return items[Math.floor(random() * items.length)] as T;
}

function render(node: Node, random: () => number): string {
  switch (node.kind) {
    case 'empty':
      return '';
    case 'chars':
      return pick(node.set, random);
    case 'seq':
      return node.items.map((item) => render(item, random)).join('');
    case 'alt':
      return render(pick(node.options, random), random);
    case 'repeat': {
      const count = node.min + Math.floor(random() * (node.max - node.min + 1));
      let out = '';
      for (let n = 0; n < count; n += 1) out += render(node.node, random);
      return out;
    }
  }
}

/** Checks at load time that a `Regex` generator can run. Throws RegexSupportError. */
export function checkGeneratable(source: string): void {
  new RegexParser(source).parse();
  compileRegex(source);
}

/** A random string that matches `source` (tries a few times, then throws). */
export function generateFromRegex(source: string, random: () => number = Math.random): string {
  const tree = new RegexParser(source).parse();
  const regex = compileRegex(source);
  for (let attempt = 0; attempt < 20; attempt += 1) {
    const candidate = render(tree, random);
    if (regex.matches(candidate)) return candidate;
  }
  throw new RegexSupportError(`could not generate a value that matches /${source}/`);
}

/**
 * The first match of `source` in `text` (a search, not a full match), with its capture groups,
 * or undefined. Used where Pact itself searches: the MockServerURL generator's replacement.
 */
export function searchRegex(
  source: string,
  text: string,
): { start: number; end: number; groups: Array<string | null> } | undefined {
  compileRegex(source);
  const matcher = RE2JS.compile(source).matcher(text);
  if (!matcher.find()) return undefined;
  const groups: Array<string | null> = [];
  for (let g = 0; g <= matcher.groupCount(); g += 1) groups.push(matcher.group(g));
  return { start: matcher.start(), end: matcher.end(), groups };
}
