/**
 * Does a request fit an interaction's query, headers and body? Returns the reasons it does
 * not (empty when it fits). Method and path are the router's job. Header names compare
 * case-insensitively and headers the contract does not name are ignored; queries and request
 * bodies are strict, as in Pact (no unexpected parameters or keys).
 */
import { JsonComparator, matchStringList, matchStringValues, show } from './matchers';
import { isJsonContentType } from './pact-file';
import type { RuleList } from './rules';
import type { HttpInteraction, JsonValue, StubRequest } from './types';

const decoder = new TextDecoder();

export const bodyText = (body: string | Uint8Array | undefined): string =>
  body === undefined ? '' : typeof body === 'string' ? body : decoder.decode(body);

const mediaType = (value: string | undefined) => {
  const [essence = '', ...params] = (value ?? '').split(';');
  const parsed = new Map<string, string>();
  for (const param of params) {
    const [name = '', val = ''] = param.split('=');
    if (name.trim())
      parsed.set(name.trim().toLowerCase(), val.trim().replace(/^"|"$/g, '').toLowerCase());
  }
  return { essence: essence.trim().toLowerCase(), params: parsed };
};

function contentTypeFits(expected: string, actual: string): boolean {
  const e = mediaType(expected);
  const a = mediaType(actual);
  if (e.essence !== a.essence) return false;
  for (const [name, value] of e.params) if (a.params.get(name) !== value) return false;
  return true;
}

const normaliseList = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .join(', ');

export function matchHeaders(interaction: HttpInteraction, request: StubRequest): string[] {
  const reasons: string[] = [];
  for (const [lower, { name, values }] of interaction.request.headers) {
    const actual = request.headers[lower];
    if (actual === undefined) {
      reasons.push(`missing header ${name} (expected ${show(values.join(', '))})`);
      continue;
    }
    const expected = values.join(', ');
    const list: RuleList | undefined = interaction.request.rules.header.get(lower);
    if (list) {
      for (const reason of matchStringList(list, expected, actual))
        reasons.push(`header ${name}: ${reason}`);
    } else if (lower === 'content-type') {
      if (!contentTypeFits(expected, actual))
        reasons.push(`header ${name}: expected ${show(expected)} but got ${show(actual)}`);
    } else if (normaliseList(expected) !== normaliseList(actual)) {
      reasons.push(`header ${name}: expected ${show(expected)} but got ${show(actual)}`);
    }
  }
  return reasons;
}

export function matchQuery(interaction: HttpInteraction, request: StubRequest): string[] {
  const expected = interaction.request.query ?? {};
  const reasons: string[] = [];
  for (const [name, values] of Object.entries(expected)) {
    const actual = request.query[name];
    if (actual === undefined) {
      reasons.push(`missing query parameter ${name} (expected ${show(values.join(','))})`);
      continue;
    }
    reasons.push(
      ...matchStringValues(
        interaction.request.rules.query.get(name),
        values,
        actual,
        `query ${name}`,
      ),
    );
  }
  for (const name of Object.keys(request.query)) {
    if (!(name in expected)) reasons.push(`unexpected query parameter ${name}`);
  }
  return reasons;
}

export function parseForm(text: string): Record<string, string[]> {
  const form: Record<string, string[]> = {};
  for (const part of text.split('&').filter(Boolean)) {
    const [name = '', value = ''] = part.split(/=(.*)/s);
    const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
    const key = decode(name);
    form[key] = [...(form[key] ?? []), decode(value)];
  }
  return form;
}

function bestFormRule(interaction: HttpInteraction, field: string): RuleList | undefined {
  const entry = interaction.request.rules.body.find(
    (rule) =>
      rule.tokens.length === 2 &&
      (rule.tokens[1]?.kind === 'star' ||
        (rule.tokens[1]?.kind === 'field' && rule.tokens[1].name === field)),
  );
  return entry?.list;
}

export function matchBody(interaction: HttpInteraction, request: StubRequest): string[] {
  const expected = interaction.request.body;
  if (expected.kind === 'absent') return [];
  const actualText = bodyText(request.body);
  const actualType = request.headers['content-type'];
  if (actualText === '') return ['expected a request body but got none'];
  const rules = interaction.request.rules.body;
  const declared = rules
    .find((r) => r.tokens.length === 1)
    ?.list.rules.find((r) => r.kind === 'contentType');
  if (
    declared?.kind === 'contentType' &&
    mediaType(actualType).essence !== mediaType(declared.value).essence
  ) {
    return [
      `body: expected content of type ${show(declared.value)} but the Content-Type is ${show(actualType ?? 'missing')}`,
    ];
  }
  const describe = (mismatches: Array<{ path: string; reason: string }>) =>
    mismatches.map((m) => `body ${m.path}: ${m.reason}`);

  if (expected.kind === 'json') {
    if (actualType && !isJsonContentType(actualType)) {
      return [
        `expected a JSON body (${expected.contentType}) but the Content-Type is ${show(actualType)}`,
      ];
    }
    let actual: JsonValue;
    try {
      actual = JSON.parse(actualText) as JsonValue;
    } catch {
      return ['the request body is not valid JSON'];
    }
    return describe(new JsonComparator(rules, false).compare(expected.value, actual));
  }
  const expectedText = expected.kind === 'text' ? expected.text : decoder.decode(expected.bytes);
  if (/x-www-form-urlencoded/i.test(expected.contentType ?? '')) {
    let want: Record<string, string[]>;
    let got: Record<string, string[]>;
    try {
      want = parseForm(expectedText);
      got = parseForm(actualText);
    } catch {
      return ['the form body has bad percent-encoding'];
    }
    const reasons: string[] = [];
    for (const [field, values] of Object.entries(want)) {
      const actual = got[field];
      if (!actual) reasons.push(`missing form field ${field}`);
      else
        reasons.push(
          ...matchStringValues(
            bestFormRule(interaction, field),
            values,
            actual,
            `form field ${field}`,
          ),
        );
    }
    for (const field of Object.keys(got))
      if (!(field in want)) reasons.push(`unexpected form field ${field}`);
    return reasons;
  }
  if (expected.kind === 'bytes' && typeof request.body !== 'string' && request.body) {
    const a = request.body;
    const b = expected.bytes;
    return a.length === b.length && a.every((byte, i) => byte === b[i])
      ? []
      : ['the binary body differs'];
  }
  const rootRule = rules.find((rule) => rule.tokens.length === 1)?.list;
  if (rootRule) return matchStringList(rootRule, expectedText, actualText).map((r) => `body: ${r}`);
  return expectedText === actualText
    ? []
    : [`body: expected ${show(expectedText)} but got ${show(actualText)}`];
}

/** Every reason the request does not fit (query, headers, body), in that order. */
export function matchRequest(interaction: HttpInteraction, request: StubRequest): string[] {
  return [
    ...matchQuery(interaction, request),
    ...matchHeaders(interaction, request),
    ...matchBody(interaction, request),
  ];
}
