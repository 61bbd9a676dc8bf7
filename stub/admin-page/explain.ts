/**
 * Which part of a request each reason of a miss is about, so the page can highlight it: the
 * engine explains a miss in sentences (stub/engine/match-request.ts, router.ts, select.ts), one
 * per mismatch, each starting with the part it concerns. Pure: no DOM.
 */
import type { Candidate, JournalEntry } from './types';

export type RequestPart =
  | { kind: 'method' }
  | { kind: 'path' }
  | { kind: 'query'; name: string; missing: boolean }
  /** `name` lower-cased: the journal keeps header names as Node gives them. */
  | { kind: 'header'; name: string; missing: boolean }
  /** `at` is a JSON path (`$.a[0].b`) or a form field; neither for the body as a whole. */
  | { kind: 'body'; at?: string; missing: boolean }
  /** The persona or provider state the request was answered in. */
  | { kind: 'state' };

const RULES: Array<[RegExp, (m: RegExpExecArray) => RequestPart]> = [
  [/^expected method /, () => ({ kind: 'method' })],
  [/^(expected path |path[: ]|the path gives )/, () => ({ kind: 'path' })],
  [/^missing query parameter (\S+)/, (m) => ({ kind: 'query', name: g(m), missing: true })],
  [/^unexpected query parameter (\S+)/, (m) => ({ kind: 'query', name: g(m), missing: false })],
  [/^query (.+?): /, (m) => ({ kind: 'query', name: g(m), missing: false })],
  [/^missing header (\S+)/, (m) => ({ kind: 'header', name: lower(m), missing: true })],
  [/^header (.+?): /, (m) => ({ kind: 'header', name: lower(m), missing: false })],
  [/^missing form field (\S+)/, (m) => ({ kind: 'body', at: g(m), missing: true })],
  [/^unexpected form field (\S+)/, (m) => ({ kind: 'body', at: g(m), missing: false })],
  [/^form field (.+?): /, (m) => ({ kind: 'body', at: g(m), missing: false })],
  [/^body (\$.*?): /, (m) => ({ kind: 'body', at: g(m), missing: false })],
  [/^expected a request body but got none/, () => ({ kind: 'body', missing: true })],
  [/^(body: |expected a JSON body|the request body|the form body|the binary body)/, () => body()],
  [/(^persona '|^needs the request state |requested state|cannot satisfy)/, () => state()],
];

function g(m: RegExpExecArray): string {
  return m[1] as string;
}
function lower(m: RegExpExecArray): string {
  return g(m).toLowerCase();
}
function body(): RequestPart {
  return { kind: 'body', missing: false };
}
function state(): RequestPart {
  return { kind: 'state' };
}

/** The part of the request a reason is about; undefined for a sentence it does not know. */
export function partOfReason(reason: string): RequestPart | undefined {
  for (const [pattern, part] of RULES) {
    const m = pattern.exec(reason);
    if (m) return part(m);
  }
  return undefined;
}

/** One key per part, as the request view names its pieces. */
export function partKey(part: RequestPart): string {
  switch (part.kind) {
    case 'query':
      return `query:${part.name}`;
    case 'header':
      return `header:${part.name}`;
    case 'body':
      return part.at === undefined ? 'body' : `body:${part.at}`;
    default:
      return part.kind;
  }
}

export interface Highlight {
  part: RequestPart;
  /** 1-based numbers of the closest interactions whose reasons name this part. */
  candidates: number[];
  /** The reasons, for a tooltip. */
  reasons: string[];
}

/** The closest interactions a miss lists in the journal (the problem's `closest`). */
export function candidatesOf(entry: JournalEntry): Candidate[] {
  const closest = entry.problem?.closest;
  return Array.isArray(closest) ? (closest as Candidate[]) : [];
}

/** Every part of the request that a closest interaction's reasons name, with who names it. */
export function highlightsOf(entry: JournalEntry): Map<string, Highlight> {
  const out = new Map<string, Highlight>();
  candidatesOf(entry).forEach((candidate, index) => {
    for (const reason of candidate.reasons ?? []) {
      const part = partOfReason(reason);
      if (!part) continue;
      const key = partKey(part);
      const seen = out.get(key) ?? { part, candidates: [], reasons: [] };
      if (!seen.candidates.includes(index + 1)) seen.candidates.push(index + 1);
      seen.reasons.push(`${index + 1}. ${reason}`);
      out.set(key, seen);
    }
  });
  return out;
}

/** The path and the decoded query of a journal URL (`/a/b?x=1&x=2`). */
export function splitUrl(url: string): { path: string; query: Array<[string, string]> } {
  const q = url.indexOf('?');
  if (q === -1) return { path: url, query: [] };
  const query: Array<[string, string]> = [];
  for (const pair of url.slice(q + 1).split('&')) {
    if (pair === '') continue;
    const eq = pair.indexOf('=');
    const [name, value] = eq === -1 ? [pair, ''] : [pair.slice(0, eq), pair.slice(eq + 1)];
    query.push([decode(name), decode(value)]);
  }
  return { path: url.slice(0, q), query };
}

function decode(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

/** A JSON path as the engine writes it (stub/engine/json-path.ts formatPath). */
export function childPath(parent: string, key: string | number): string {
  if (typeof key === 'number') return `${parent}[${key}]`;
  if (/^[_A-Za-z][_A-Za-z0-9]*$/.test(key)) return `${parent}.${key}`;
  return `${parent}['${key.replace(/'/g, "\\'")}']`;
}
