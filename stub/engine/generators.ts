/**
 * Builds the response of a matched interaction, applying the pact's generators the way a
 * provider-side stub should: ProviderState expressions filled from the selected state's
 * parameters, mock-server URLs pointed at the stub's own base URL, dates and times relative to
 * now, random values where the pact asks for them.
 */
import { evaluateDateExpression, formatDate } from './datetime';
import { type PathToken, parsePath } from './json-path';
import { generateFromRegex, searchRegex } from './regex';
import type { Generator, HttpInteraction, JsonValue, StubResponse } from './types';

export interface GenerationContext {
  params: Record<string, JsonValue>;
  baseUrl: string;
  now: Date;
  random?: () => number;
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;
const ALPHANUMERIC = 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function randomUuid(random: () => number): string {
  const hex = Array.from({ length: 32 }, () => Math.floor(random() * 16).toString(16));
  hex[12] = '4';
  hex[16] = ((Number.parseInt(hex[16] as string, 16) & 0x3) | 0x8).toString(16);
  const s = hex.join('');
  return `${s.slice(0, 8)}-${s.slice(8, 12)}-${s.slice(12, 16)}-${s.slice(16, 20)}-${s.slice(20)}`;
}

const num = (value: unknown, fallback: number): number =>
  typeof value === 'number' ? value : fallback;

/** Fills `${param}` placeholders. A lone placeholder keeps the parameter's JSON type. */
export function resolveExpression(
  expression: string,
  params: Record<string, JsonValue>,
): { value: JsonValue; missing: string[] } {
  const missing: string[] = [];
  const lone = /^\$\{([^}]+)\}$/.exec(expression);
  if (lone) {
    const name = (lone[1] as string).trim();
    if (!(name in params)) return { value: expression, missing: [name] };
    return { value: params[name] as JsonValue, missing };
  }
  const value = expression.replace(PLACEHOLDER, (whole, raw: string) => {
    const name = raw.trim();
    if (!(name in params)) {
      missing.push(name);
      return whole;
    }
    const param = params[name];
    return typeof param === 'string' ? param : JSON.stringify(param);
  });
  return { value, missing };
}

function convert(value: JsonValue, dataType: unknown): JsonValue {
  switch (dataType) {
    case 'STRING':
      return typeof value === 'string' ? value : JSON.stringify(value);
    case 'INTEGER':
      return Number.parseInt(String(value), 10);
    case 'DECIMAL':
    case 'FLOAT':
      return Number.parseFloat(String(value));
    case 'BOOLEAN':
      return value === true || value === 'true';
    default:
      return value;
  }
}

/** The value a generator produces in place of `current`; a warning when it cannot run. */
export function generateValue(
  generator: Generator,
  current: JsonValue,
  context: GenerationContext,
): { value: JsonValue; warning?: string } {
  const random = context.random ?? Math.random;
  switch (generator.type) {
    case 'RandomInt': {
      const min = num(generator.min, 0);
      const max = num(generator.max, 2_147_483_647);
      return { value: min + Math.floor(random() * (max - min + 1)) };
    }
    case 'RandomDecimal': {
      const digits = Math.max(2, num(generator.digits, 10));
      const text = Array.from({ length: digits }, (_, i) =>
        i === 0 ? 1 + Math.floor(random() * 9) : Math.floor(random() * 10),
      ).join('');
      const point = 1 + Math.floor(random() * (digits - 1));
      const value = Number(
        `${text.slice(0, point)}.${text.slice(point).replace(/0+$/, '') || '5'}`,
      );
      return { value };
    }
    case 'RandomHexadecimal':
      return {
        value: Array.from({ length: num(generator.digits, 10) }, () =>
          Math.floor(random() * 16).toString(16),
        ).join(''),
      };
    case 'RandomString':
      return {
        value: Array.from(
          { length: num(generator.size, 20) },
          () => ALPHANUMERIC[Math.floor(random() * ALPHANUMERIC.length)],
        ).join(''),
      };
    case 'RandomBoolean':
      return { value: random() < 0.5 };
    case 'Regex':
      return { value: generateFromRegex(String(generator.regex), random) };
    case 'Uuid': {
      const uuid = randomUuid(random);
      switch (generator.format) {
        case 'simple':
          return { value: uuid.replace(/-/g, '') };
        case 'upper-case-hyphenated':
          return { value: uuid.toUpperCase() };
        case 'URN':
          return { value: `urn:uuid:${uuid}` };
        default:
          return { value: uuid };
      }
    }
    case 'Date':
    case 'Time':
    case 'DateTime': {
      const defaults = {
        Date: 'yyyy-MM-dd',
        Time: 'HH:mm:ss',
        DateTime: "yyyy-MM-dd'T'HH:mm:ss'Z'",
      };
      const format =
        typeof generator.format === 'string' ? generator.format : defaults[generator.type];
      const when = evaluateDateExpression(
        typeof generator.expression === 'string' ? generator.expression : undefined,
        context.now,
      );
      return { value: formatDate(when, format) };
    }
    case 'ProviderState': {
      const { value, missing } = resolveExpression(String(generator.expression), context.params);
      if (missing.length > 0) {
        return {
          value: current,
          warning: `no value for ${missing.map((m) => `\${${m}}`).join(', ')} in the provider-state parameters: kept the example ${JSON.stringify(current)}`,
        };
      }
      return { value: convert(value, generator.dataType) };
    }
    case 'MockServerURL': {
      // As pact_models does: the generator's own example (not the body's current value) with
      // the first match of its regex replaced by the mock server's URL and the first group.
      const example = String(generator.example);
      const found = searchRegex(String(generator.regex), example);
      if (!found)
        return {
          value: current,
          warning: `MockServerURL regex /${String(generator.regex)}/ does not match its example ${example}`,
        };
      const url = context.baseUrl.replace(/\/$/, '');
      return {
        value: `${example.slice(0, found.start)}${url}${found.groups[1] ?? ''}${example.slice(found.end)}`,
      };
    }
    default:
      return { value: current, warning: `generator ${generator.type} is not supported` };
  }
}

type Container = JsonValue[] | { [key: string]: JsonValue };

/** Applies `fn` to every value `tokens` designates inside `root` (wildcards included). */
function updateAt(
  root: JsonValue,
  tokens: PathToken[],
  fn: (value: JsonValue) => JsonValue,
): JsonValue {
  if (tokens.length <= 1) return fn(root);
  const visit = (node: JsonValue, depth: number): void => {
    const token = tokens[depth] as PathToken;
    const last = depth === tokens.length - 1;
    if (typeof node !== 'object' || node === null) return;
    const container = node as Container;
    const keys: Array<string | number> = [];
    if (token.kind === 'field' && !Array.isArray(container) && token.name in container)
      keys.push(token.name);
    else if (token.kind === 'index' && Array.isArray(container) && token.index < container.length)
      keys.push(token.index);
    else if (token.kind === 'star' || token.kind === 'starIndex') {
      if (Array.isArray(container)) keys.push(...container.keys());
      else if (token.kind === 'star') keys.push(...Object.keys(container));
    }
    for (const key of keys) {
      const record = container as Record<string | number, JsonValue>;
      if (last) record[key] = fn(record[key] as JsonValue);
      else visit(record[key] as JsonValue, depth + 1);
    }
  };
  visit(root, 1);
  return root;
}

const hasHeader = (headers: Record<string, string[]>, name: string) =>
  Object.keys(headers).some((key) => key.toLowerCase() === name.toLowerCase());

/**
 * Status and headers of `interaction`'s response, their generators applied, plus the body's
 * Content-Type when the pact names none. Shared by buildResponse() and the kept response
 * templates (response-template.ts), so both answer with the same head.
 */
export function buildResponseHead(
  interaction: HttpInteraction,
  context: GenerationContext,
  warnings: string[],
): { status: number; headers: Record<string, string[]> } {
  const { response } = interaction;
  const apply = (generator: Generator, current: JsonValue, where: string): JsonValue => {
    const result = generateValue(generator, current, context);
    if (result.warning) warnings.push(`${where}: ${result.warning}`);
    return result.value;
  };
  let status = response.status;
  if (response.generators.status)
    status = Number(apply(response.generators.status, status, 'status'));

  const headers: Record<string, string[]> = {};
  for (const [name, values] of Object.entries(response.headers)) headers[name] = [...values];
  for (const [name, generator] of response.generators.header) {
    const key = Object.keys(headers).find((h) => h.toLowerCase() === name.toLowerCase()) ?? name;
    const values = headers[key] ?? [''];
    headers[key] = values.map((value) => String(apply(generator, value, `header ${name}`)));
  }
  const body = response.body;
  if (body.kind !== 'absent' && body.contentType && !hasHeader(headers, 'content-type')) {
    headers['Content-Type'] = [body.contentType];
  }
  return { status, headers };
}

/** The response of `interaction`, generators applied. */
export function buildResponse(
  interaction: HttpInteraction,
  context: GenerationContext,
): { response: StubResponse; warnings: string[] } {
  const warnings: string[] = [];
  const { response } = interaction;
  const apply = (generator: Generator, current: JsonValue, where: string): JsonValue => {
    const result = generateValue(generator, current, context);
    if (result.warning) warnings.push(`${where}: ${result.warning}`);
    return result.value;
  };
  const { status, headers } = buildResponseHead(interaction, context, warnings);

  let body: string | Uint8Array | undefined;
  const pactBody = response.body;
  if (pactBody.kind === 'json') {
    let value = structuredClone(pactBody.value);
    for (const [expression, generator] of response.generators.body) {
      value = updateAt(value, parsePath(expression), (current) =>
        apply(generator, current, `body ${expression}`),
      );
    }
    body = JSON.stringify(value);
  } else if (pactBody.kind === 'text') {
    const root = response.generators.body.get('$');
    body = root ? String(apply(root, pactBody.text, 'body $')) : pactBody.text;
  } else if (pactBody.kind === 'bytes') {
    body = pactBody.bytes;
  }
  return { response: { status, headers, ...(body !== undefined && { body }) }, warnings };
}
