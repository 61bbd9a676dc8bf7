/**
 * Does a request fit an interaction's query, headers and body? Returns the reasons it does
 * not (empty when it fits). Method and path are the router's job. Header names compare
 * case-insensitively and headers the contract does not name are ignored; queries and request
 * bodies are strict, as in Pact (no unexpected parameters or keys).
 */

import { matchContentType } from './content-type';
import { dict } from './dict';
import { JsonComparator, matchString, matchStringList, matchStringValues, show } from './matchers';
import {
  boundaryOf,
  isMultipartFormData,
  type MimePart,
  MultipartError,
  parseMultipart,
} from './multipart';
import { isJsonContentType } from './pact-file';
import type { RuleList } from './rules';
import type { HttpInteraction, JsonValue, StubRequest } from './types';
import { isXmlContentType, parseXml, XmlComparator, type XmlElement } from './xml';

const decoder = new TextDecoder();

export const bodyText = (body: string | Uint8Array | undefined): string =>
  body === undefined ? '' : typeof body === 'string' ? body : decoder.decode(body);

/**
 * A request's body as matching reads it (text, JSON, form fields), decoded on first use and
 * kept, so a request that fits several interactions' paths is decoded once, not once per
 * candidate. Treat what it returns as read-only: every candidate sees the same values.
 */
export class RequestBody {
  private decoded: string | undefined;
  private parsed: { value: JsonValue } | { error: Error } | undefined;
  private fields: { value: Record<string, string[]> } | { error: unknown } | undefined;
  private xmlTree: { value: XmlElement } | { error: Error } | undefined;

  constructor(private readonly body: string | Uint8Array | undefined) {}

  get text(): string {
    this.decoded ??= bodyText(this.body);
    return this.decoded;
  }

  /** The body parsed as JSON, or the parser's error. */
  json(): { value: JsonValue } | { error: Error } {
    if (!this.parsed) {
      try {
        this.parsed = { value: JSON.parse(this.text) as JsonValue };
      } catch (error) {
        this.parsed = { error: error as Error };
      }
    }
    return this.parsed;
  }

  /** The body parsed as XML, or the parser's error. */
  xml(): { value: XmlElement } | { error: Error } {
    if (!this.xmlTree) {
      try {
        this.xmlTree = { value: parseXml(this.text) };
      } catch (error) {
        this.xmlTree = { error: error as Error };
      }
    }
    return this.xmlTree;
  }

  /** The body read as a URL-encoded form, or the decoder's error. */
  form(): { value: Record<string, string[]> } | { error: unknown } {
    if (!this.fields) {
      try {
        this.fields = { value: parseForm(this.text) };
      } catch (error) {
        this.fields = { error };
      }
    }
    return this.fields;
  }
}

interface MediaType {
  /** Lower-cased, for telling media types apart (JSON or not, the contentType rule). */
  essence: string;
  /** As written: header values are case-sensitive in Pact ("header value is different case"). */
  exact: string;
  params: Map<string, string>;
}

const mediaType = (value: string | undefined): MediaType => {
  const [essence = '', ...params] = (value ?? '').split(';');
  const parsed = new Map<string, string>();
  for (const param of params) {
    const [name = '', val = ''] = param.split('=');
    if (name.trim())
      parsed.set(name.trim().toLowerCase(), val.trim().replace(/^"|"$/g, '').toLowerCase());
  }
  return { essence: essence.trim().toLowerCase(), exact: essence.trim(), params: parsed };
};

// Requests of one client send the same Content-Type again and again: keep the last one read.
let lastMediaText: string | undefined;
let lastMedia: MediaType = mediaType(undefined);
const requestMediaType = (value: string | undefined): MediaType => {
  if (value !== lastMediaText) {
    lastMedia = mediaType(value);
    lastMediaText = value;
  }
  return lastMedia;
};

function mediaTypeFits(e: MediaType, a: MediaType): boolean {
  if (e.exact !== a.exact) return false;
  // A multipart boundary is chosen anew by each client for each body (RFC 2046): the one the
  // consumer test happened to use cannot be asked of the next request.
  const multipart = e.essence.startsWith('multipart/');
  for (const [name, value] of e.params)
    if (!(multipart && name === 'boundary') && a.params.get(name) !== value) return false;
  return true;
}

const normaliseList = (value: string) =>
  value
    .split(',')
    .map((part) => part.trim())
    .join(', ');

/**
 * Headers pact_models splits into comma-separated values (MULTI_VALUE_HEADERS): each value the
 * contract lists is compared with the value at the same place in the request; values the
 * request adds after them are not compared (pact_matching's match_header_maps).
 */
const MULTI_VALUE_HEADERS = new Set([
  'accept',
  'accept-charset',
  'accept-encoding',
  'accept-language',
  'accept-ranges',
  'access-control-allow-headers',
  'access-control-allow-methods',
  'access-control-expose-headers',
  'access-control-request-headers',
  'allow',
  'cache-control',
  'connection',
  'content-encoding',
  'content-language',
  'expect',
  'if-match',
  'if-none-match',
  'pragma',
  'vary',
]);
/** Headers compared as media types: same type, and the contract's parameters with the same
 *  values (case-insensitive); the request may add parameters (`;q=0.9`, `;charset=utf-8`). */
const PARAMETERISED_HEADERS = new Set(['accept', 'content-type']);

const splitList = (value: string) => value.split(',').map((part) => part.trim());

export function parseForm(text: string): Record<string, string[]> {
  const form = dict<string[]>();
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

/** What an interaction expects of a request, read once from the pact model (it never changes). */
interface Expectations {
  headers: Array<{
    lower: string;
    name: string;
    /** The values joined as one header line. */
    expected: string;
    /** Set for comparing lists; undefined when a rule or the Content-Type comparison applies. */
    normalised: string | undefined;
    list: RuleList | undefined;
    /** Set for Content-Type and Accept without a rule: one media type per listed value. */
    media: MediaType[] | undefined;
    /** Set for another list header without a rule (MULTI_VALUE_HEADERS): its values. */
    items: string[] | undefined;
  }>;
  query: Record<string, string[]>;
  queryChecks: Array<{ name: string; values: string[]; list: RuleList | undefined }>;
  /** The contentType rule at `$` of the body, if any, and its media type. */
  declared: { value: string; essence: string } | undefined;
  comparator: JsonComparator;
  expectedText: string;
  /** The expected form fields with each one's rule, or the error of reading them. */
  form:
    | {
        fields: Array<{ field: string; values: string[]; list: RuleList | undefined }>;
        want: Record<string, string[]>;
      }
    | 'bad-encoding'
    | undefined;
  rootRule: RuleList | undefined;
  /** A multipart/form-data body: the contract's parts, or why they cannot be read. */
  multipart: { parts: MimePart[] } | { error: string } | undefined;
  /** An XML body: its parsed tree and comparator, or why the contract's XML cannot be read. */
  xml: { root: XmlElement; comparator: XmlComparator } | { error: string } | undefined;
}

const compiled = new WeakMap<HttpInteraction, Expectations>();

const bodyContentType = (body: HttpInteraction['request']['body']) =>
  body.kind === 'absent' ? undefined : body.contentType;

function expectationsOf(interaction: HttpInteraction): Expectations {
  const kept = compiled.get(interaction);
  if (kept) return kept;
  const { request } = interaction;
  const headers = [...request.headers].map(([lower, { name, values }]) => {
    const expected = values.join(', ');
    const list = request.rules.header.get(lower);
    const isList = !list && MULTI_VALUE_HEADERS.has(lower);
    const items = isList ? values.flatMap(splitList) : undefined;
    const isMedia = !list && PARAMETERISED_HEADERS.has(lower);
    return {
      lower,
      name,
      expected,
      normalised: list || isMedia || isList ? undefined : normaliseList(expected),
      list,
      media: isMedia ? (items ?? values).map(mediaType) : undefined,
      items: isMedia ? undefined : items,
    };
  });
  const query = request.query ?? {};
  const rules = request.rules.body;
  const declared = rules
    .find((r) => r.tokens.length === 1)
    ?.list.rules.find((r) => r.kind === 'contentType');
  const body = request.body;
  const expectedText =
    body.kind === 'text' ? body.text : body.kind === 'bytes' ? decoder.decode(body.bytes) : '';
  let form: Expectations['form'];
  if (
    (body.kind === 'text' || body.kind === 'bytes') &&
    /x-www-form-urlencoded/i.test(body.contentType ?? '')
  ) {
    try {
      const want = parseForm(expectedText);
      form = {
        want,
        fields: Object.entries(want).map(([field, values]) => ({
          field,
          values,
          list: bestFormRule(interaction, field),
        })),
      };
    } catch {
      form = 'bad-encoding';
    }
  }
  let xml: Expectations['xml'];
  if ((body.kind === 'text' || body.kind === 'bytes') && isXmlContentType(body.contentType)) {
    try {
      xml = { root: parseXml(expectedText), comparator: new XmlComparator(rules) };
    } catch (error) {
      xml = { error: (error as Error).message };
    }
  }
  let multipart: Expectations['multipart'];
  if ((body.kind === 'text' || body.kind === 'bytes') && isMultipartFormData(body.contentType)) {
    const boundary =
      boundaryOf(body.contentType) ?? boundaryOf(request.headers.get('content-type')?.values[0]);
    try {
      if (!boundary) throw new MultipartError('no boundary in its Content-Type');
      const bytes = body.kind === 'bytes' ? body.bytes : encoder.encode(body.text);
      multipart = { parts: parseMultipart(bytes, boundary) };
    } catch (error) {
      multipart = { error: (error as Error).message };
    }
  }
  const expectations: Expectations = {
    multipart,
    xml,
    headers,
    query,
    queryChecks: Object.entries(query).map(([name, values]) => ({
      name,
      values,
      list: request.rules.query.get(name),
    })),
    // A body with a contentType rule: the request's Content-Type must be the body's declared
    // one (pact_matching compares the body types first); the rule then reads the bytes.
    declared:
      declared?.kind === 'contentType'
        ? {
            value: bodyContentType(body) ?? declared.value,
            essence: mediaType(bodyContentType(body) ?? declared.value).essence,
          }
        : undefined,
    comparator: new JsonComparator(rules, false),
    expectedText,
    form,
    rootRule: rules.find((rule) => rule.tokens.length === 1)?.list,
  };
  compiled.set(interaction, expectations);
  return expectations;
}

/** Each expected value against the request's value at the same place (missing: ''). */
function listFits<E>(expected: E[], actual: string[], fits: (e: E, a: string) => boolean): boolean {
  return expected.every((e, i) => fits(e, actual[i] ?? ''));
}

export function matchHeaders(interaction: HttpInteraction, request: StubRequest): string[] {
  const reasons: string[] = [];
  const add = (reason: string) => reasons.push(reason);
  for (const header of expectationsOf(interaction).headers) {
    const { name, expected } = header;
    const actual = Object.hasOwn(request.headers, header.lower)
      ? request.headers[header.lower]
      : undefined;
    if (actual === undefined) {
      add(`missing header ${name} (expected ${show(expected)})`);
      continue;
    }
    if (header.list) {
      for (const reason of matchStringList(header.list, expected, actual))
        add(`header ${name}: ${reason}`);
    } else if (header.media) {
      const fits =
        header.media.length === 1 && header.lower === 'content-type'
          ? mediaTypeFits(header.media[0] as MediaType, requestMediaType(actual))
          : listFits(header.media, splitList(actual), (e, a) => mediaTypeFits(e, mediaType(a)));
      if (!fits) add(`header ${name}: expected ${show(expected)} but got ${show(actual)}`);
    } else if (header.items) {
      if (!listFits(header.items, splitList(actual), (e, a) => e === a))
        add(`header ${name}: expected ${show(expected)} but got ${show(actual)}`);
    } else if (header.normalised !== actual && header.normalised !== normaliseList(actual)) {
      add(`header ${name}: expected ${show(expected)} but got ${show(actual)}`);
    }
  }
  return reasons;
}

export function matchQuery(interaction: HttpInteraction, request: StubRequest): string[] {
  const { query: expected, queryChecks } = expectationsOf(interaction);
  const reasons: string[] = [];
  for (const { name, values, list } of queryChecks) {
    const actual = Object.hasOwn(request.query, name) ? request.query[name] : undefined;
    if (actual === undefined) {
      reasons.push(`missing query parameter ${name} (expected ${show(values.join(','))})`);
      continue;
    }
    reasons.push(...matchStringValues(list, values, actual, `query ${name}`));
  }
  for (const name in request.query) {
    if (Object.hasOwn(request.query, name) && !Object.hasOwn(expected, name))
      reasons.push(`unexpected query parameter ${name}`);
  }
  return reasons;
}

export function matchBody(
  interaction: HttpInteraction,
  request: StubRequest,
  body: RequestBody = new RequestBody(request.body),
): string[] {
  const expected = interaction.request.body;
  if (expected.kind === 'absent') return [];
  const actualText = body.text;
  const actualType = request.headers['content-type'];
  if (actualText === '') return ['expected a request body but got none'];
  const expectations = expectationsOf(interaction);
  const { declared } = expectations;
  if (declared && requestMediaType(actualType).essence !== declared.essence) {
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
    const actual = body.json();
    if ('error' in actual) return ['the request body is not valid JSON'];
    return describe(expectations.comparator.compare(expected.value, actual.value));
  }
  const { expectedText, form, xml, multipart } = expectations;
  if (multipart) {
    if ('error' in multipart)
      return [`the contract's multipart body cannot be read: ${multipart.error}`];
    const boundary = boundaryOf(actualType);
    if (!isMultipartFormData(actualType) || !boundary)
      return [
        `expected a multipart/form-data body (with a boundary) but the Content-Type is ${show(actualType ?? 'missing')}`,
      ];
    const bytes =
      typeof request.body === 'string'
        ? encoder.encode(request.body)
        : (request.body ?? new Uint8Array());
    let parts: MimePart[];
    try {
      parts = parseMultipart(bytes, boundary);
    } catch (error) {
      return [`the multipart body cannot be read: ${(error as Error).message}`];
    }
    return multipart.parts.flatMap((part) => matchPart(interaction, part, parts));
  }
  if (xml) {
    if ('error' in xml) return [`the contract's XML body cannot be read: ${xml.error}`];
    if (actualType && !isXmlContentType(actualType))
      return [`expected an XML body but the Content-Type is ${show(actualType)}`];
    const actual = body.xml();
    if ('error' in actual)
      return [`the request body is not well-formed XML: ${actual.error.message}`];
    return describe(xml.comparator.compare(xml.root, actual.value));
  }
  if (form) {
    if (form === 'bad-encoding') return ['the form body has bad percent-encoding'];
    const parsed = body.form();
    if ('error' in parsed) return ['the form body has bad percent-encoding'];
    const got = parsed.value;
    const reasons: string[] = [];
    for (const { field, values, list } of form.fields) {
      const actual = Object.hasOwn(got, field) ? got[field] : undefined;
      if (!actual) reasons.push(`missing form field ${field}`);
      else reasons.push(...matchStringValues(list, values, actual, `form field ${field}`));
    }
    for (const field of Object.keys(got))
      if (!Object.hasOwn(form.want, field)) reasons.push(`unexpected form field ${field}`);
    return reasons;
  }
  const { rootRule } = expectations;
  if (rootRule) return matchWholeBody(rootRule, expected, expectedText, request.body, actualText);
  if (expected.kind === 'bytes' && typeof request.body !== 'string' && request.body) {
    return sameBytes(request.body, expected.bytes) ? [] : ['the binary body differs'];
  }
  return expectedText === actualText
    ? []
    : [`body: expected ${show(expectedText)} but got ${show(actualText)}`];
}

const encoder = new TextEncoder();
const sameBytes = (a: Uint8Array, b: Uint8Array) =>
  a.length === b.length && a.every((byte, i) => byte === b[i]);

/**
 * A text or binary body under rules at `$`: contentType compares the detected type of the bytes
 * (not the bytes), notEmpty asks for any bytes, equality for the same bytes, and the string
 * rules (regex, include, ...) read the body as text.
 */
function matchWholeBody(
  list: RuleList,
  expected: Extract<HttpInteraction['request']['body'], { kind: 'text' | 'bytes' }>,
  expectedText: string,
  body: string | Uint8Array | undefined,
  actualText: string,
): string[] {
  const bytes = typeof body === 'string' ? encoder.encode(body) : (body ?? new Uint8Array());
  const reasons: string[] = [];
  for (const rule of list.rules) {
    let reason: string | null;
    if (rule.kind === 'contentType') reason = matchContentType(rule.value, bytes);
    else if (rule.kind === 'notEmpty') reason = bytes.length > 0 ? null : 'the body is empty';
    else if (rule.kind === 'equality' && expected.kind === 'bytes')
      reason = sameBytes(bytes, expected.bytes) ? null : 'the binary body differs';
    else reason = matchString(rule, expectedText, actualText);
    if (reason === null && list.combine === 'OR') return [];
    if (reason !== null) reasons.push(`body: ${reason}`);
  }
  return reasons;
}

const partText = new TextDecoder();
/** Part headers compared otherwise (or not at all), as pact_matching's match_headers does. */
const PART_HEADERS_NOT_COMPARED = new Set([
  'content-disposition',
  'content-type',
  'content-transfer-encoding',
]);

/** Why the request's parts do not hold the contract's part `expected` (none when they do). */
function matchPart(interaction: HttpInteraction, expected: MimePart, parts: MimePart[]): string[] {
  const label = `multipart part '${expected.name || expected.index}'`;
  const actual = parts.find((p) =>
    p.name ? p.name === expected.name : p.index === expected.index,
  );
  if (!actual) return [`${label} is missing`];
  const isFile = (p: MimePart) => p.filename !== undefined || !p.headers.has('content-disposition');
  if (isFile(expected) !== isFile(actual))
    return [
      `${label}: expected a ${isFile(expected) ? 'file' : 'field'} but got a ${isFile(actual) ? 'file' : 'field'}`,
    ];
  const reasons: string[] = [];
  for (const [name, value] of expected.headers) {
    if (PART_HEADERS_NOT_COMPARED.has(name)) continue;
    const got = actual.headers.get(name);
    if (got !== value)
      reasons.push(
        `${label}: header ${name} expected ${show(value)} but got ${show(got ?? 'missing')}`,
      );
  }
  const list = bestFormRule(interaction, expected.name);
  const expectedText = partText.decode(expected.data);
  const actualText = partText.decode(actual.data);
  if (!isFile(expected)) {
    const found = list
      ? matchStringList(list, expectedText, actualText)
      : expectedText === actualText
        ? []
        : [`expected ${show(expectedText)} but got ${show(actualText)}`];
    return [...reasons, ...found.map((r) => `${label}: ${r}`)];
  }
  const wanted = mediaType(expected.contentType);
  const got = mediaType(actual.contentType);
  if (wanted.essence && got.essence && wanted.essence !== got.essence)
    return [
      ...reasons,
      `${label}: expected content of type ${show(expected.contentType)} but got ${show(actual.contentType)}`,
    ];
  const found = list
    ? matchWholeBody(
        list,
        { kind: 'bytes', bytes: expected.data, contentType: expected.contentType },
        expectedText,
        actual.data,
        actualText,
      )
    : sameBytes(expected.data, actual.data)
      ? []
      : ['the file differs'];
  return [...reasons, ...found.map((r) => `${label}: ${r.replace(/^body: /, '')}`)];
}

/** Every reason the request does not fit (query, headers, body), in that order. */
export function matchRequest(
  interaction: HttpInteraction,
  request: StubRequest,
  body: RequestBody = new RequestBody(request.body),
): string[] {
  return [
    ...matchQuery(interaction, request),
    ...matchHeaders(interaction, request),
    ...matchBody(interaction, request, body),
  ];
}

/** `matchRequest(...).length === 0`, stopping at the first part that does not fit. */
export function requestFits(
  interaction: HttpInteraction,
  request: StubRequest,
  body: RequestBody,
): boolean {
  return (
    matchQuery(interaction, request).length === 0 &&
    matchHeaders(interaction, request).length === 0 &&
    matchBody(interaction, request, body).length === 0
  );
}
