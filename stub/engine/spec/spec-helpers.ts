/**
 * Test helpers for the specification tests of this folder: one V4 HTTP interaction in a pact,
 * an engine serving it, and a request that either fits it or is refused with reasons.
 * Each test file quotes the part of the Pact specification (pact-specification V1–V4, and
 * pact-reference's pact_matching for edge cases) that it checks; docs/conformance.md links them.
 */
import { readPersonas } from '../../openedx/personas';
import { createEngine, type Engine, type HandleContext, readPact } from '..';
import { parseQueryString } from '../request';
import type { HandleResult, StubRequest } from '../types';

export type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

export interface SpecInteraction {
  description?: string;
  providerStates?: Array<{ name: string; params?: Record<string, Json> }>;
  request: Record<string, Json>;
  response?: Record<string, Json>;
}

const personas = readPersonas(
  { personas: { anonymous: { user: null, description: 'nobody logged in' } } },
  'spec tests',
);

/** A V4 pact document with these interactions (in this order). */
export function v4Pact(...interactions: SpecInteraction[]): Record<string, Json> {
  return {
    consumer: { name: 'spec-consumer' },
    provider: { name: 'spec-provider' },
    interactions: interactions.map((interaction, i) => ({
      type: 'Synchronous/HTTP',
      description: interaction.description ?? `interaction ${i}`,
      ...(interaction.providerStates && { providerStates: interaction.providerStates }),
      request: interaction.request,
      response: interaction.response ?? { status: 200 },
    })) as Json,
    metadata: { pactSpecification: { version: '4.0' } },
  };
}

export function engineFor(...interactions: SpecInteraction[]): Engine {
  return createEngine({ pacts: [readPact(v4Pact(...interactions), 'spec.json')], personas });
}

export const CONTEXT: HandleContext = {
  baseUrl: 'http://127.0.0.1:18000',
  now: new Date('2026-11-01T10:00:00Z'),
};

export function request(
  method: string,
  url: string,
  headers: Record<string, string> = {},
  body?: string | Uint8Array,
): StubRequest {
  const [path = '/', search = ''] = url.split('?');
  return {
    method,
    path,
    query: parseQueryString(search),
    headers,
    ...(body !== undefined && { body }),
  };
}

/** 'fits' or the engine's reasons for refusing (joined), for readable test failures. */
export function verdict(result: HandleResult): string {
  if (result.kind === 'matched') return 'fits';
  const closest = result.problem.closest as Array<{ reasons?: string[] }> | undefined;
  const reasons = closest?.flatMap((c) => c.reasons ?? []) ?? [];
  return `refused: ${result.problem.code} ${reasons.join('; ')}`;
}

/** Sends `req` to an engine serving only `interaction`: 'fits' or 'refused: ...'. */
export function check(interaction: SpecInteraction, req: StubRequest): string {
  return verdict(engineFor(interaction).handle(req, CONTEXT));
}

export const rules = (...matchers: Json[]) => ({ combine: 'AND', matchers });
