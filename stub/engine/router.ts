/**
 * Finds the interactions whose method and path fit a request without scanning them all:
 * literal paths sit in a map keyed by method and path; `fromProviderState` path templates
 * (`/api/user/v1/accounts/${username}`, each `${param}` standing for one path segment) sit in
 * a map keyed by method, segment count and their literal prefix; only paths matched by a
 * regex or type rule without a template are checked one by one.
 */
import { dict } from './dict';
import { matchStringList } from './matchers';
import type { RuleList } from './rules';
import type { HttpInteraction } from './types';

export class BadPathEncodingError extends Error {}

/** Splits a raw path into decoded segments. Throws BadPathEncodingError on bad `%` escapes. */
export function decodePathSegments(rawPath: string): string[] {
  // decodeURIComponent() changes nothing without a '%': skip it for the usual plain path.
  if (!rawPath.includes('%')) return rawPath.split('/');
  return rawPath.split('/').map((segment) => {
    try {
      return decodeURIComponent(segment);
    } catch {
      throw new BadPathEncodingError(
        `the path '${rawPath}' has bad percent-encoding in '${segment}'`,
      );
    }
  });
}

/** A path with each segment decoded, `/` inside a segment kept escaped. */
export const canonicalPath = (segments: string[]): string =>
  segments.map((segment) => segment.replace(/\//g, '%2F')).join('/');

interface SegmentPattern {
  literal?: string;
  regex?: RegExp;
  params: string[];
}

export interface PathTemplate {
  expression: string;
  segments: SegmentPattern[];
  /** Number of leading literal segments (the index key). */
  prefixLength: number;
}

const PLACEHOLDER = /\$\{([^}]+)\}/g;

export function compileTemplate(expression: string): PathTemplate | undefined {
  if (!expression.includes('${')) return undefined;
  const segments = expression.split('/').map((segment): SegmentPattern => {
    const params = [...segment.matchAll(PLACEHOLDER)].map((m) => (m[1] as string).trim());
    if (params.length === 0) return { literal: segment, params };
    const parts = segment.split(PLACEHOLDER);
    // split() with a capture group alternates literal, name, literal, ...
    const source = parts
      .map((part, i) => (i % 2 === 1 ? '(.+?)' : part.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')))
      .join('');
    return { regex: new RegExp(`^${source}$`), params };
  });
  let prefixLength = 0;
  while (prefixLength < segments.length && segments[prefixLength]?.literal !== undefined)
    prefixLength += 1;
  return { expression, segments, prefixLength };
}

/** The `${param}` values a request path binds, or undefined when it does not fit. */
export function bindTemplate(
  template: PathTemplate,
  segments: string[],
): Record<string, string> | undefined {
  if (segments.length !== template.segments.length) return undefined;
  const binding = dict<string>();
  for (let i = 0; i < segments.length; i += 1) {
    const pattern = template.segments[i] as SegmentPattern;
    const actual = segments[i] as string;
    if (pattern.literal !== undefined) {
      if (pattern.literal !== actual) return undefined;
      continue;
    }
    const m = pattern.regex?.exec(actual);
    if (!m || actual === '') return undefined;
    for (let p = 0; p < pattern.params.length; p += 1) {
      const name = pattern.params[p] as string;
      const value = m[p + 1] as string;
      if (Object.hasOwn(binding, name) && binding[name] !== value) return undefined;
      binding[name] = value;
    }
  }
  return binding;
}

export interface Route {
  interaction: HttpInteraction;
  /** Parameters bound from a path template (empty for literal paths). */
  binding: Record<string, string>;
}

interface TemplateEntry {
  interaction: HttpInteraction;
  template: PathTemplate;
}

export function templateOf(interaction: HttpInteraction): PathTemplate | undefined {
  const generator = interaction.request.generators.path;
  if (generator?.type !== 'ProviderState' || typeof generator.expression !== 'string')
    return undefined;
  return compileTemplate(generator.expression);
}

/** Templates of one method and segment count, grouped by how many literal segments lead. */
interface TemplateGroup {
  prefixLength: number;
  /** Leading literal segments joined with '/' → the templates that start with them. */
  byPrefix: Map<string, TemplateEntry[]>;
}

/** The first `count` segments of a path joined with '/', as the template index keys them. */
function leadingSegments(rawPath: string, segments: string[], count: number): string {
  // Without a '%', segments are the raw path's: slice it up to its count-th '/'.
  if (rawPath.includes('%')) return segments.slice(0, count).join('/');
  let slash = -1;
  for (let i = 0; i < count; i += 1) {
    slash = rawPath.indexOf('/', slash + 1);
    if (slash === -1) return rawPath;
  }
  return rawPath.slice(0, slash);
}

export class Router {
  /** method → canonical path → routes */
  private readonly literal = new Map<string, Map<string, Route[]>>();
  /** method → segment count → groups by prefix length */
  private readonly templates = new Map<string, Map<number, TemplateGroup[]>>();
  private readonly dynamic = new Map<string, Array<{ route: Route; prefix: string }>>();

  constructor(interactions: HttpInteraction[]) {
    for (const interaction of interactions) this.add(interaction);
  }

  private add(interaction: HttpInteraction): void {
    const { method } = interaction.request;
    const template = templateOf(interaction);
    if (template) {
      const byCount = this.templates.get(method) ?? new Map<number, TemplateGroup[]>();
      this.templates.set(method, byCount);
      const groups = byCount.get(template.segments.length) ?? [];
      byCount.set(template.segments.length, groups);
      let group = groups.find((g) => g.prefixLength === template.prefixLength);
      if (!group) {
        group = { prefixLength: template.prefixLength, byPrefix: new Map() };
        groups.push(group);
      }
      const key = template.segments
        .slice(0, template.prefixLength)
        .map((s) => s.literal)
        .join('/');
      group.byPrefix.set(key, [...(group.byPrefix.get(key) ?? []), { interaction, template }]);
      return;
    }
    if (interaction.request.rules.path) {
      const entry = {
        route: routeOf(interaction),
        prefix: requiredPrefix(interaction.request.rules.path),
      };
      this.dynamic.set(method, [...(this.dynamic.get(method) ?? []), entry]);
      return;
    }
    let segments: string[];
    try {
      segments = decodePathSegments(interaction.request.path);
    } catch {
      segments = interaction.request.path.split('/');
    }
    const byPath = this.literal.get(method) ?? new Map<string, Route[]>();
    this.literal.set(method, byPath);
    const key = canonicalPath(segments);
    byPath.set(key, [...(byPath.get(key) ?? []), routeOf(interaction)]);
  }

  /** Interactions whose method and path fit. `segments` come from decodePathSegments(). */
  find(method: string, rawPath: string, segments: string[]): Route[] {
    const routes: Route[] = [];
    // Without a '%' the segments are the raw path's, and none of them holds a '/'.
    const canonical = rawPath.includes('%') ? canonicalPath(segments) : rawPath;
    const literal = this.literal.get(method)?.get(canonical);
    if (literal) for (const route of literal) routes.push(route);
    let decoded: string | undefined;
    const groups = this.templates.get(method)?.get(segments.length);
    if (groups) {
      for (const { prefixLength, byPrefix } of groups) {
        const entries = byPrefix.get(leadingSegments(rawPath, segments, prefixLength));
        if (!entries) continue;
        for (const entry of entries) {
          const binding = bindTemplate(entry.template, segments);
          if (!binding) continue;
          decoded ??= segments.join('/');
          if (pathRulesHold(entry.interaction, decoded))
            routes.push({ interaction: entry.interaction, binding });
        }
      }
    }
    const dynamic = this.dynamic.get(method);
    if (dynamic) {
      decoded ??= segments.join('/');
      for (const { route, prefix } of dynamic)
        if (decoded.startsWith(prefix) && pathRulesHold(route.interaction, decoded))
          routes.push(route);
    }
    return routes;
  }
}

const REGEX_SYNTAX = new Set([...'\\^$.|?*+()[]{}']);
const QUANTIFIERS = new Set([...'?*+{']);

/**
 * The text every path that a rule list accepts starts with ('' when it cannot tell), so the
 * router tries a path's regex only on paths with the right start: `^\/courses\/course-v1:`
 * gives `/courses/course-v1:`. Only plain regexes (no alternation, no inline flags) of an AND
 * list are read; anything else gives ''.
 */
export function requiredPrefix(list: RuleList): string {
  if (list.combine !== 'AND') return '';
  let longest = '';
  for (const rule of list.rules) {
    if (rule.kind !== 'regex') continue;
    // A Pact regex matches the whole value, so a pattern without `^` is anchored too.
    const { source, caseInsensitive } = rule.regex;
    if (source.includes('|') || source.startsWith('(?') || caseInsensitive) continue;
    let prefix = '';
    for (let i = source.startsWith('^') ? 1 : 0; i < source.length; i += 1) {
      let ch = source[i] as string;
      if (ch === '\\') {
        const next = source[i + 1];
        if (next === undefined || /[0-9A-Za-z]/.test(next)) break;
        ch = next;
        i += 1;
      } else if (REGEX_SYNTAX.has(ch)) {
        // A quantifier makes the character before it optional or repeated: drop it too.
        if (QUANTIFIERS.has(ch)) prefix = prefix.slice(0, -1);
        break;
      }
      const after = source[i + 1];
      if (after !== undefined && QUANTIFIERS.has(after)) break;
      prefix += ch;
    }
    if (prefix.length > longest.length) longest = prefix;
  }
  return longest;
}

/** A literal or rule-matched path binds nothing: one frozen route per interaction serves all. */
const NO_BINDING: Record<string, string> = Object.freeze({}) as Record<string, string>;

const routeOf = (interaction: HttpInteraction): Route =>
  Object.freeze({ interaction, binding: NO_BINDING });

function pathRulesHold(interaction: HttpInteraction, decodedPath: string): boolean {
  const list = interaction.request.rules.path;
  if (!list) return true;
  return matchStringList(list, interaction.request.path, decodedPath).length === 0;
}

/** Why a path does not fit an interaction (for the unmatched-request explanation). */
export function explainPath(interaction: HttpInteraction, segments: string[]): string | null {
  const template = templateOf(interaction);
  const actual = segments.join('/');
  if (template) {
    return bindTemplate(template, segments)
      ? null
      : `path '${actual}' does not fit the template '${template.expression}'`;
  }
  const list = interaction.request.rules.path;
  if (list) {
    const reasons = matchStringList(list, interaction.request.path, actual);
    return reasons.length ? `path: ${reasons[0]}` : null;
  }
  let expected: string;
  try {
    expected = canonicalPath(decodePathSegments(interaction.request.path));
  } catch {
    expected = interaction.request.path;
  }
  return expected === canonicalPath(segments)
    ? null
    : `expected path '${interaction.request.path}' but got '${actual}'`;
}
