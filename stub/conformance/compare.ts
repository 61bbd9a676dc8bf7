/**
 * Comparing the two engines' answers: generated values masked, then "same interaction, same
 * status, same body" or "both rejected". A disagreement is accepted only when it is one of the
 * differences we keep on purpose (KNOWN_DIFFERENCES, explained in docs/conformance.md) and the
 * native engine's own reasons show that it is that difference, not a bug.
 */
import type { HttpInteraction } from '../engine';
import { type PathToken, parsePath } from '../engine/json-path';
import { matchRequest } from '../engine/match-request';
import { deepEqual } from '../engine/matchers';
import { decodePathSegments, explainPath, templateOf } from '../engine/router';
import type { Outcome } from './engines';
import { type Json, type RawInteraction, toStubRequest, type WireRequest } from './requests';

export const KNOWN_DIFFERENCES = {
  HEADERS_RANK:
    'pact-stub-server never excludes a candidate for a request header that does not match (it ' +
    'only ranks candidates by their number of mismatches); the native engine applies the ' +
    "contract's header rules, as the Pact mock server and the provider verifier do",
  BODY_PRESENCE_AND_TYPE:
    'pact-stub-server checks a request body only when the request carries one (a POST, PUT or ' +
    'PATCH without a body fits an interaction that expects one), and a body of another media ' +
    'type only ranks candidates, like a header; the native engine requires the body the ' +
    'contract describes, in its media type, as the Pact mock server and the verifier do',
  PROVIDER_STATE_PATH:
    'a path given with fromProviderState carries only a `type` matcher, so for pact-stub-server ' +
    'any path matches it; the native engine matches the path against the expression ' +
    '(`/api/user/v1/accounts/${username}`: same segments, one per parameter)',
  STATE_PARAMETERS:
    'pact-stub-server ignores provider-state parameters and personas; the native engine serves ' +
    "the interaction whose states the active persona (or the requested state's parameters) satisfies",
  FIRST_OF_SEVERAL:
    'when several interactions fit, pact-stub-server answers with the first one that has the ' +
    'fewest mismatches; the native engine chooses by provider state first, and only among the ' +
    'best tier answers with the first in pact order (marked with X-Pact-Stub-Warning)',
} as const;

export type KnownDifference = keyof typeof KNOWN_DIFFERENCES;

export type Agreement =
  | { verdict: 'agree' }
  | { verdict: 'known'; difference: KnownDifference; why: string }
  | { verdict: 'differ'; why: string };

export const MASK = '<generated>';

/** Sets every value a JSON path reaches to MASK. */
function maskAt(value: Json, tokens: PathToken[], i: number): Json {
  if (i === tokens.length) return MASK;
  const token = tokens[i] as PathToken;
  if (value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) {
    if (token.kind === 'starIndex' || token.kind === 'star')
      return value.map((item) => maskAt(item, tokens, i + 1));
    if (token.kind === 'index' && token.index < value.length) {
      const copy = [...value];
      copy[token.index] = maskAt(copy[token.index] as Json, tokens, i + 1);
      return copy;
    }
    return value;
  }
  if (token.kind === 'star') {
    return Object.fromEntries(
      Object.entries(value).map(([k, v]) => [k, maskAt(v as Json, tokens, i + 1)]),
    );
  }
  if (token.kind === 'field' && Object.hasOwn(value, token.name)) {
    return { ...value, [token.name]: maskAt(value[token.name] as Json, tokens, i + 1) };
  }
  return value;
}

/** The body with the values of the interaction's response generators masked. */
export function maskedBody(interaction: RawInteraction, body: string): Json | string {
  let parsed: Json;
  try {
    parsed = JSON.parse(body) as Json;
  } catch {
    return body;
  }
  for (const path of Object.keys(interaction.response.generators?.body ?? {})) {
    parsed = maskAt(parsed, parsePath(path).slice(1), 0);
  }
  return parsed;
}

/** Every reason the native engine has not to serve `model` for `request` (states aside). */
export function nativeReasons(model: HttpInteraction, request: WireRequest): string[] {
  const reasons: string[] = [];
  if (model.request.method !== request.method) reasons.push(`method ${request.method}`);
  let segments: string[];
  try {
    segments = decodePathSegments(request.path);
  } catch {
    return [...reasons, 'path: bad percent-encoding'];
  }
  const path = explainPath(model, segments);
  if (path) reasons.push(path);
  reasons.push(...matchRequest(model, toStubRequest(request)));
  return reasons;
}

const isHeaderReason = (reason: string) => /^(header |missing header )/.test(reason);
const isBodyPresenceOrTypeReason = (reason: string) =>
  reason === 'expected a request body but got none' ||
  /^expected a JSON body .* but the Content-Type is /.test(reason) ||
  /^body: expected content of type .* but the Content-Type is /.test(reason);

/**
 * Compares the outcomes of one request. `interactions` gives each key's raw interaction (for
 * masking), `models` the native engine's parsed interactions (for its reasons).
 */
export function compareOutcomes(
  request: WireRequest,
  native: Outcome,
  reference: Outcome,
  interactions: Map<string, RawInteraction>,
  models: Map<string, HttpInteraction>,
): Agreement {
  if (native.kind === 'rejected' && reference.kind === 'rejected') return { verdict: 'agree' };
  if (native.kind === 'matched' && reference.kind === 'matched') {
    if (native.key !== reference.key) {
      return {
        verdict: 'differ',
        why: `the native engine chose ${native.key}, pact-stub-server chose ${reference.key}`,
      };
    }
    const raw = interactions.get(native.key) as RawInteraction;
    if (native.status !== reference.status) {
      return {
        verdict: 'differ',
        why: `same interaction, status ${native.status} (native) vs ${reference.status} (pact-stub-server)`,
      };
    }
    const a = maskedBody(raw, native.body);
    const b = maskedBody(raw, reference.body);
    if (!deepEqual(a, b)) {
      return {
        verdict: 'differ',
        why: `same interaction, different bodies once generated values are masked:\n  native: ${JSON.stringify(a).slice(0, 300)}\n  pact-stub-server: ${JSON.stringify(b).slice(0, 300)}`,
      };
    }
    return { verdict: 'agree' };
  }
  if (native.kind === 'rejected' && reference.kind === 'matched') {
    const model = models.get(reference.key);
    if (!model) return { verdict: 'differ', why: `no native model for ${reference.key}` };
    const reasons = nativeReasons(model, request);
    if (reasons.length > 0 && reasons.every(isHeaderReason)) {
      return { verdict: 'known', difference: 'HEADERS_RANK', why: reasons.join('; ') };
    }
    if (
      reasons.some(isBodyPresenceOrTypeReason) &&
      reasons.every((r) => isBodyPresenceOrTypeReason(r) || isHeaderReason(r))
    ) {
      return { verdict: 'known', difference: 'BODY_PRESENCE_AND_TYPE', why: reasons.join('; ') };
    }
    if (
      templateOf(model) &&
      reasons.length > 0 &&
      reasons.every((r) => r.startsWith('path ') || isHeaderReason(r))
    ) {
      return { verdict: 'known', difference: 'PROVIDER_STATE_PATH', why: reasons.join('; ') };
    }
    return {
      verdict: 'differ',
      why: `the native engine rejected it (${native.detail.split('\n')[0]}; its reasons against ${reference.key}: ${reasons.join('; ') || 'none'}) but pact-stub-server answered with ${reference.key}`,
    };
  }
  // native matched, reference rejected
  const matched = native as Extract<Outcome, { kind: 'matched' }>;
  return {
    verdict: 'differ',
    why: `the native engine answered with ${matched.key} but pact-stub-server rejected it (${reference.status})`,
  };
}
