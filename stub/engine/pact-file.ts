/**
 * Reads a pact document (an already-parsed JSON value) of specification V2, V3 or V4 into
 * validated interactions. Every problem is a PactLoadError naming the source, the JSON path
 * inside the document and the reason, so a bad file never reaches the server half-read.
 */

import { compileDateFormat, DateFormatSupportError, evaluateDateExpression } from './datetime';
import { dict } from './dict';
import { PathSyntaxError, parsePath } from './json-path';
import { checkGeneratable, compileRegex, RegexSupportError } from './regex';
import { compileMatchingRules, RuleError } from './rules';
import type {
  Generator,
  GeneratorCategories,
  HttpInteraction,
  JsonValue,
  LoadedPact,
  PactBody,
  PactRequestModel,
  PactResponseModel,
  ProviderState,
} from './types';

export class PactLoadError extends Error {
  constructor(
    readonly source: string,
    readonly at: string,
    readonly reason: string,
    readonly interaction?: string,
  ) {
    super(`${source}${interaction ? ` (interaction "${interaction}")` : ''} at ${at}: ${reason}`);
  }
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

const readJsonContentType = (contentType: string | undefined): boolean =>
  !!contentType &&
  /^application\/(.+\+)?json|\/json\b|\+json\b/i.test(contentType.split(';')[0]?.trim() ?? '');

// Asked for every request with a body, and for each candidate interaction; a client sends the
// same Content-Type again and again, so the last answer is kept.
let lastContentType: string | undefined;
let lastIsJson = false;

export const isJsonContentType = (contentType: string | undefined): boolean => {
  if (contentType !== lastContentType) {
    lastIsJson = readJsonContentType(contentType);
    lastContentType = contentType;
  }
  return lastIsJson;
};

export const isTextContentType = (contentType: string | undefined): boolean =>
  !!contentType &&
  (/^text\//i.test(contentType) ||
    isJsonContentType(contentType) ||
    /xml|x-www-form-urlencoded|javascript/i.test(contentType));

export function decodeBase64(text: string): Uint8Array {
  const binary = atob(text.replace(/\s+/g, ''));
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i += 1) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

const GENERATOR_TYPES = new Set([
  'RandomInt',
  'RandomDecimal',
  'RandomHexadecimal',
  'RandomString',
  'RandomBoolean',
  'Regex',
  'Uuid',
  'Date',
  'Time',
  'DateTime',
  'ProviderState',
  'MockServerURL',
]);

class Reader {
  constructor(
    private readonly source: string,
    private readonly interaction?: string,
  ) {}

  fail(at: string, reason: string): never {
    throw new PactLoadError(this.source, at, reason, this.interaction);
  }

  forInteraction(description: string): Reader {
    return new Reader(this.source, description);
  }

  string(value: unknown, at: string): string {
    if (typeof value !== 'string')
      this.fail(at, `expected a string, got ${JSON.stringify(value) ?? 'nothing'}`);
    return value;
  }

  generator(json: unknown, at: string): Generator {
    if (!isObject(json) || typeof json.type !== 'string')
      this.fail(at, 'a generator needs a "type"');
    const type = json.type;
    if (!GENERATOR_TYPES.has(type)) {
      this.fail(
        `${at}.type`,
        `unsupported generator '${type}' (the stub supports ${[...GENERATOR_TYPES].join(', ')})`,
      );
    }
    try {
      if (type === 'ProviderState') this.string(json.expression, `${at}.expression`);
      if (type === 'MockServerURL') {
        this.string(json.example, `${at}.example`);
        compileRegex(this.string(json.regex, `${at}.regex`));
      }
      if (type === 'Regex') checkGeneratable(this.string(json.regex, `${at}.regex`));
      if (type === 'Date' || type === 'Time' || type === 'DateTime') {
        if (json.format !== undefined) compileDateFormat(this.string(json.format, `${at}.format`));
        if (json.expression !== undefined)
          evaluateDateExpression(this.string(json.expression, `${at}.expression`), new Date(0));
      }
    } catch (error) {
      if (error instanceof RegexSupportError || error instanceof DateFormatSupportError) {
        this.fail(at, `unsupported ${type} generator: ${error.message}`);
      }
      throw error;
    }
    return json as Generator;
  }

  generators(json: unknown, at: string): GeneratorCategories {
    const categories: GeneratorCategories = {
      body: new Map(),
      header: new Map(),
      query: new Map(),
      status: undefined,
      path: undefined,
    };
    if (json === undefined || json === null) return categories;
    if (!isObject(json)) this.fail(at, '"generators" must be an object');
    for (const [category, value] of Object.entries(json)) {
      const cat = `${at}.${category}`;
      if (category === 'status' || category === 'path') {
        categories[category] = this.generator(value, cat);
      } else if (category === 'body' || category === 'header' || category === 'query') {
        if (!isObject(value)) this.fail(cat, 'generators must be keyed by path or name');
        for (const [key, generator] of Object.entries(value)) {
          if (category === 'body') {
            try {
              parsePath(key);
            } catch (error) {
              if (error instanceof PathSyntaxError) this.fail(`${cat}['${key}']`, error.message);
              throw error;
            }
          }
          categories[category].set(key, this.generator(generator, `${cat}['${key}']`));
        }
      } else if (category !== 'metadata') {
        this.fail(cat, `unknown generator category '${category}'`);
      }
    }
    return categories;
  }

  headers(json: unknown, at: string): Record<string, string[]> {
    if (json === undefined || json === null) return {};
    if (!isObject(json)) this.fail(at, '"headers" must be an object');
    const headers = dict<string[]>();
    for (const [name, value] of Object.entries(json)) {
      if (typeof value === 'string') headers[name] = [value];
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        headers[name] = value as string[];
      else this.fail(`${at}['${name}']`, 'a header value must be a string or a list of strings');
    }
    return headers;
  }

  query(json: unknown, at: string): Record<string, string[]> | undefined {
    if (json === undefined || json === null) return undefined;
    if (typeof json === 'string') {
      const query = dict<string[]>();
      for (const part of json.split('&').filter(Boolean)) {
        const [rawName = '', rawValue = ''] = part.split(/=(.*)/s);
        const decode = (s: string) => decodeURIComponent(s.replace(/\+/g, ' '));
        try {
          const key = decode(rawName);
          query[key] = [...(query[key] ?? []), decode(rawValue)];
        } catch {
          this.fail(at, `the query string '${json}' has bad percent-encoding`);
        }
      }
      return query;
    }
    if (!isObject(json)) this.fail(at, '"query" must be a string or an object');
    const query = dict<string[]>();
    for (const [name, value] of Object.entries(json)) {
      if (typeof value === 'string') query[name] = [value];
      else if (Array.isArray(value) && value.every((v) => typeof v === 'string'))
        query[name] = value as string[];
      else this.fail(`${at}['${name}']`, 'a query value must be a string or a list of strings');
    }
    return query;
  }

  body(json: unknown, at: string, v4: boolean, headerContentType: string | undefined): PactBody {
    if (json === undefined) return { kind: 'absent' };
    if (v4) {
      if (!isObject(json)) this.fail(at, 'a V4 body must be an object with "content"');
      const contentType =
        typeof json.contentType === 'string' ? json.contentType : headerContentType;
      const { content, encoded } = json;
      if (content === undefined) return { kind: 'absent' };
      if (encoded === 'base64' || encoded === 'BASE64') {
        if (typeof content !== 'string')
          this.fail(`${at}.content`, 'base64 content must be a string');
        try {
          return { kind: 'bytes', bytes: decodeBase64(content), contentType };
        } catch {
          this.fail(`${at}.content`, 'content is not valid base64');
        }
      }
      if (encoded === 'json' || encoded === 'JSON') {
        try {
          return {
            kind: 'json',
            value: JSON.parse(this.string(content, `${at}.content`)),
            contentType: contentType ?? 'application/json',
          };
        } catch {
          this.fail(`${at}.content`, 'content marked as encoded JSON does not parse');
        }
      }
      if (encoded !== undefined && encoded !== false && encoded !== 'false') {
        this.fail(`${at}.encoded`, `unsupported body encoding '${String(encoded)}'`);
      }
      if (typeof content === 'string') return { kind: 'text', text: content, contentType };
      return {
        kind: 'json',
        value: content as JsonValue,
        contentType: contentType ?? 'application/json',
      };
    }
    if (typeof json === 'string') {
      // V2/V3: a string body under a JSON content type is a JSON string; otherwise raw text.
      return isJsonContentType(headerContentType)
        ? { kind: 'json', value: json, contentType: headerContentType as string }
        : { kind: 'text', text: json, contentType: headerContentType };
    }
    return {
      kind: 'json',
      value: json as JsonValue,
      contentType: headerContentType ?? 'application/json',
    };
  }

  states(json: Record<string, unknown>, at: string): ProviderState[] {
    if (Array.isArray(json.providerStates)) {
      return json.providerStates.map((state, i) => {
        const sat = `${at}.providerStates[${i}]`;
        if (!isObject(state)) this.fail(sat, 'a provider state must be an object');
        const params = state.params ?? {};
        if (!isObject(params)) this.fail(`${sat}.params`, 'state params must be an object');
        return {
          name: this.string(state.name, `${sat}.name`),
          params: params as Record<string, JsonValue>,
        };
      });
    }
    const legacy = json.providerState ?? json.provider_state;
    if (legacy === undefined || legacy === null || legacy === '') return [];
    return [{ name: this.string(legacy, `${at}.providerState`), params: {} }];
  }
}

const contentTypeOf = (headers: Record<string, string[]>): string | undefined =>
  Object.entries(headers).find(([name]) => name.toLowerCase() === 'content-type')?.[1][0];

/** The specification versions this reader knows (V1 files read as V2). */
const KNOWN_SPECIFICATION = /^[1-4](\.\d+){0,2}$/;

/** The pact's specification version; one it does not know is an error, not a guess (a V9
 *  file would be read with V2-V4 rules it may not follow). */
function specificationOf(doc: Record<string, unknown>, reader: Reader): string {
  const metadata = isObject(doc.metadata) ? doc.metadata : {};
  const [at, spec] = isObject(metadata.pactSpecification)
    ? ['$.metadata.pactSpecification.version', metadata.pactSpecification.version]
    : isObject(metadata['pact-specification'])
      ? ['$.metadata.pact-specification.version', metadata['pact-specification'].version]
      : ['$.metadata.pactSpecificationVersion', metadata.pactSpecificationVersion];
  if (spec === undefined) return '2.0.0';
  const version = typeof spec === 'number' ? String(spec) : spec;
  if (typeof version !== 'string' || !KNOWN_SPECIFICATION.test(version))
    reader.fail(
      at,
      `unknown Pact specification version ${JSON.stringify(spec)}; the stub reads versions 1 to 4 (e.g. "4.0")`,
    );
  return version;
}

/**
 * Validates a parsed pact document. `source` names it in errors and interaction ids (a file
 * path relative to the repository, or any label).
 */
export function readPact(doc: unknown, source: string): LoadedPact {
  const reader: Reader = new Reader(source);
  if (!isObject(doc)) reader.fail('$', 'a pact must be a JSON object');
  const consumer = isObject(doc.consumer) ? doc.consumer.name : undefined;
  const provider = isObject(doc.provider) ? doc.provider.name : undefined;
  reader.string(consumer, '$.consumer.name');
  reader.string(provider, '$.provider.name');
  const specification = specificationOf(doc, reader);
  const v4 = specification.startsWith('4');
  if (!Array.isArray(doc.interactions)) {
    if (Array.isArray(doc.messages)) {
      return {
        source,
        consumer: consumer as string,
        provider: provider as string,
        specification,
        interactions: [],
        skipped: doc.messages.length,
      };
    }
    reader.fail('$.interactions', 'a pact needs an "interactions" list');
  }
  const interactions: HttpInteraction[] = [];
  let skipped = 0;
  doc.interactions.forEach((raw, index) => {
    const at = `$.interactions[${index}]`;
    if (!isObject(raw)) reader.fail(at, 'an interaction must be an object');
    if (v4 && raw.type !== undefined && raw.type !== 'Synchronous/HTTP') {
      skipped += 1;
      return;
    }
    const description = reader.string(raw.description, `${at}.description`);
    const r: Reader = reader.forInteraction(description);
    if (!isObject(raw.request)) r.fail(`${at}.request`, 'missing "request"');
    if (!isObject(raw.response)) r.fail(`${at}.response`, 'missing "response"');
    const request = readRequest(r, raw.request, `${at}.request`, v4);
    const response = readResponse(r, raw.response, `${at}.response`, v4);
    interactions.push({
      id: `${source}#${index}`,
      description,
      consumer: consumer as string,
      provider: provider as string,
      source,
      index,
      providerStates: r.states(raw, at),
      request,
      response,
      responseKey: JSON.stringify(raw.response),
    });
  });
  return {
    source,
    consumer: consumer as string,
    provider: provider as string,
    specification,
    interactions,
    skipped,
  };
}

function rules(r: Reader, json: unknown, at: string) {
  try {
    return compileMatchingRules(json, at);
  } catch (error) {
    if (error instanceof RuleError) r.fail(error.at, error.message);
    throw error;
  }
}

function readRequest(
  r: Reader,
  json: Record<string, unknown>,
  at: string,
  v4: boolean,
): PactRequestModel {
  const method = r.string(json.method, `${at}.method`).toUpperCase();
  if (!/^[A-Z]+$/.test(method)) r.fail(`${at}.method`, `'${method}' is not an HTTP method`);
  const path = json.path === undefined ? '/' : r.string(json.path, `${at}.path`);
  const rawHeaders = r.headers(json.headers, `${at}.headers`);
  const headers = new Map<string, { name: string; values: string[] }>();
  for (const [name, values] of Object.entries(rawHeaders))
    headers.set(name.toLowerCase(), { name, values });
  return {
    method,
    path,
    query: r.query(json.query, `${at}.query`),
    headers,
    body: r.body(json.body, `${at}.body`, v4, contentTypeOf(rawHeaders)),
    rules: rules(r, json.matchingRules, `${at}.matchingRules`),
    generators: r.generators(json.generators, `${at}.generators`),
  };
}

function readResponse(
  r: Reader,
  json: Record<string, unknown>,
  at: string,
  v4: boolean,
): PactResponseModel {
  const status = json.status ?? 200;
  if (typeof status !== 'number' || !Number.isInteger(status) || status < 100 || status > 599) {
    r.fail(`${at}.status`, `'${String(status)}' is not an HTTP status`);
  }
  const headers = r.headers(json.headers, `${at}.headers`);
  return {
    status,
    headers,
    body: r.body(json.body, `${at}.body`, v4, contentTypeOf(headers)),
    rules: rules(r, json.matchingRules, `${at}.matchingRules`),
    generators: r.generators(json.generators, `${at}.generators`),
  };
}
