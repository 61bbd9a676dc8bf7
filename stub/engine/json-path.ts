/**
 * Pact's document paths (`$.a['b.c'][*].d`): parsing, and the weighting Pact uses to pick the
 * rule that applies to a value. A rule path applies to a value when each of its tokens matches
 * the start of the value's path, so a rule on `$.a` also covers `$.a.b` ("cascades"); among the
 * rules that apply, the heaviest wins (exact names and indexes weigh 2, wildcards 1).
 */

export type PathToken =
  | { kind: 'root' }
  | { kind: 'field'; name: string }
  | { kind: 'index'; index: number }
  | { kind: 'star' }
  | { kind: 'starIndex' };

export class PathSyntaxError extends Error {}

const IDENTIFIER_CHAR = /[\p{L}\p{N}_\-:#@]/u;

/** Parses `$.a.b[0]['c d'][*].*` into tokens. Throws PathSyntaxError with the position. */
export function parsePath(expression: string): PathToken[] {
  const text = expression.trim();
  if (!text.startsWith('$')) {
    throw new PathSyntaxError(`path '${expression}' does not start with '$'`);
  }
  const tokens: PathToken[] = [{ kind: 'root' }];
  let i = 1;
  const fail = (why: string): never => {
    throw new PathSyntaxError(`path '${expression}' at position ${i}: ${why}`);
  };
  while (i < text.length) {
    const ch = text[i];
    if (ch === '.') {
      i += 1;
      if (text[i] === '*') {
        tokens.push({ kind: 'star' });
        i += 1;
        continue;
      }
      let name = '';
      while (i < text.length && IDENTIFIER_CHAR.test(text[i] as string)) {
        name += text[i];
        i += 1;
      }
      if (!name) fail('expected a field name after "."');
      tokens.push({ kind: 'field', name });
    } else if (ch === '[') {
      i += 1;
      const next = text[i];
      if (next === '*') {
        if (text[i + 1] !== ']') fail('expected "]" after "[*"');
        tokens.push({ kind: 'starIndex' });
        i += 2;
      } else if (next === "'" || next === '"') {
        const quote = next;
        i += 1;
        let name = '';
        while (i < text.length && text[i] !== quote) {
          if (text[i] === '\\' && i + 1 < text.length) i += 1;
          name += text[i];
          i += 1;
        }
        if (text[i] !== quote || text[i + 1] !== ']') fail('unterminated quoted field name');
        tokens.push({ kind: 'field', name });
        i += 2;
      } else {
        let digits = '';
        while (i < text.length && /[0-9]/.test(text[i] as string)) {
          digits += text[i];
          i += 1;
        }
        if (!digits || text[i] !== ']') fail('expected an index, a quoted name or "*" inside "[]"');
        tokens.push({ kind: 'index', index: Number(digits) });
        i += 1;
      }
    } else {
      fail(`unexpected character '${ch}'`);
    }
  }
  return tokens;
}

function tokenWeight(token: PathToken, fragment: string): number {
  switch (token.kind) {
    case 'root':
      return fragment === '$' ? 2 : 0;
    case 'field':
      return fragment === token.name ? 2 : 0;
    case 'index':
      return fragment === String(token.index) ? 2 : 0;
    case 'starIndex':
      return fragment === '[*]' || /^[0-9]+$/.test(fragment) ? 1 : 0;
    case 'star':
      return 1;
  }
}

/** Pact's path weight: 0 when the rule path does not cover `actual` (a list of fragments
 *  starting with `$`), else the product of token weights. */
export function pathWeight(rule: readonly PathToken[], actual: readonly string[]): number {
  if (actual.length < rule.length) return 0;
  let weight = 1;
  for (let i = 0; i < rule.length; i += 1) {
    weight *= tokenWeight(rule[i] as PathToken, actual[i] as string);
    if (weight === 0) return 0;
  }
  return weight;
}

/** Formats fragments (`['$', 'a', '0']`) back into a readable path (`$.a[0]`). */
export function formatPath(fragments: readonly string[]): string {
  let out = '$';
  for (const fragment of fragments.slice(1)) {
    if (/^[0-9]+$/.test(fragment)) out += `[${fragment}]`;
    else if (/^[_A-Za-z][_A-Za-z0-9]*$/.test(fragment)) out += `.${fragment}`;
    else out += `['${fragment.replace(/'/g, "\\'")}']`;
  }
  return out;
}
