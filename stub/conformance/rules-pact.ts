/**
 * A pact written to exercise the matchers our contracts do not use yet (dates with formats,
 * eachKey with eachValue, min/max, integer/decimal/boolean, include, notEmpty, semver, regex on
 * numbers), one interaction each, so that the rule-derived mutations (rule-mutations.ts) test
 * their semantics against pact-stub-server too. Built in memory, never committed.
 */
import type { PactDocument } from './engines';
import type { Json } from './requests';

export const RULES_SOURCE = 'synthetic/matching-rules-lms.json';

const post = (description: string, content: Json, body: Record<string, Json>) => ({
  type: 'Synchronous/HTTP',
  description,
  request: {
    method: 'POST',
    path: `/rules/${description.replace(/\W+/g, '-')}`,
    headers: { 'Content-Type': ['application/json'] },
    body: { contentType: 'application/json', encoded: false, content },
    matchingRules: { body },
  },
  response: {
    status: 200,
    headers: { 'Content-Type': ['application/json'] },
    body: { contentType: 'application/json', encoded: false, content: { ok: description } },
  },
});
const rules = (...matchers: Json[]) => ({ combine: 'AND', matchers });

export function rulesPact(): PactDocument {
  const interactions = [
    post(
      'a date with a format',
      { due: '2026-03-31' },
      {
        '$.due': rules({ match: 'date', format: 'yyyy-MM-dd' }),
      },
    ),
    post(
      'a datetime with a format',
      { at: '2026-03-31T10:15:00' },
      {
        '$.at': rules({ match: 'datetime', format: "yyyy-MM-dd'T'HH:mm:ss" }),
      },
    ),
    post(
      'a time with a format',
      { at: '10:15' },
      { '$.at': rules({ match: 'time', format: 'HH:mm' }) },
    ),
    post(
      'grades keyed by course',
      { grades: { 'course-1': 90 } },
      {
        '$.grades': rules(
          { match: 'eachKey', rules: [{ match: 'regex', regex: 'course-\\d+' }] },
          { match: 'eachValue', rules: [{ match: 'integer' }] },
        ),
      },
    ),
    post(
      'between one and three tags',
      { tags: ['a', 'b'] },
      {
        '$.tags': rules({ match: 'type', min: 1, max: 3 }),
      },
    ),
    post(
      'numbers of each kind',
      { count: 3, ratio: 0.5, flag: true },
      {
        '$.count': rules({ match: 'integer' }),
        '$.ratio': rules({ match: 'decimal' }),
        '$.flag': rules({ match: 'boolean' }),
      },
    ),
    post(
      'an id by regex on a number',
      { id: 1234 },
      { '$.id': rules({ match: 'regex', regex: '\\d{1,4}' }) },
    ),
    post(
      'a version and a note',
      { version: '1.2.3', note: 'hello world' },
      {
        '$.version': rules({ match: 'semver' }),
        '$.note': rules({ match: 'include', value: 'world' }),
      },
    ),
  ];
  return {
    source: RULES_SOURCE,
    doc: {
      consumer: { name: 'matching-rules' },
      provider: { name: 'lms' },
      interactions: interactions as unknown as PactDocument['doc']['interactions'],
      metadata: { pactSpecification: { version: '4.0' } },
    },
  };
}
