/**
 * A request no contract answers is explained from the interactions an index finds, not by
 * scoring all of them: bounded work at 5,000 interactions, and the same closest interactions.
 */

import { loadPersonaFile } from '../load/personas';
import { DEFAULT_PERSONAS } from '../testing/start-stub';
import { buildLargeSyntheticPact } from '../testing/synthetic-pact/large-set';
import { createEngine } from './engine';
import { readPact } from './pact-file';
import type { HttpInteraction, Problem, StubRequest } from './types';

const personas = loadPersonaFile(DEFAULT_PERSONAS);
const pact = readPact(buildLargeSyntheticPact(5_000), 'large.json');

/** An engine whose interactions count every read of their request (the work a miss does). */
function countingEngine() {
  let reads = 0;
  for (const interaction of pact.interactions as HttpInteraction[]) {
    const request = interaction.request;
    Object.defineProperty(interaction, 'request', {
      configurable: true,
      get: () => {
        reads += 1;
        return request;
      },
    });
  }
  const engine = createEngine({ pacts: [pact], personas });
  return {
    engine,
    readsDuring: (run: () => void) => {
      reads = 0;
      run();
      return reads;
    },
  };
}

const request = (method: string, path: string, headers: Record<string, string> = {}) =>
  ({ method, path, query: {}, headers: { host: '127.0.0.1', ...headers } }) as StubRequest;

const closestOf = (problem: Problem) =>
  (problem.closest as Array<{ description: string; reasons: string[] }>).map((c) => c.description);

describe('explaining a miss at 5,000 interactions', () => {
  const { engine, readsDuring } = countingEngine();
  const context = { baseUrl: 'http://127.0.0.1:18000' };

  it('serves more than 5,000 interactions', () => {
    expect(engine.interactions.length).toBeGreaterThanOrEqual(5_000);
  });

  it('reads a bounded number of interactions per miss, not every one', () => {
    // Arrange
    const misses = [
      request('GET', '/wp-login.php'),
      request('GET', '/site7/api/learner_home/init'),
      request('DELETE', '/site12/csrf/api/v1/token', { 'use-jwt-cookie': 'true' }),
      request('GET', '/site30/api/user/v1/accounts/verified/unknown'),
    ];
    engine.handle(misses[0] as StubRequest, context); // builds the index once

    // Act
    const reads = misses.map((miss) =>
      readsDuring(() => expect(engine.handle(miss, context).kind).toBe('unmatched')),
    );

    // Assert: a full scan reads every interaction's request several times (over 20,000 reads).
    for (const count of reads) expect(count).toBeLessThan(2_000);
  });

  it('names the closest interactions: same path first, then the same site', () => {
    // Act
    const noHeader = engine.handle(request('GET', '/site7/api/learner_home/init'), context);
    const unknown = engine.handle(request('GET', '/site30/api/learner_home/nothing'), context);

    // Assert
    expect(noHeader.kind).toBe('unmatched');
    if (noHeader.kind !== 'unmatched') return;
    const closest = closestOf(noHeader.problem);
    expect(closest[0]).toMatch(/\(site 7\)$/);
    expect((noHeader.problem.closest as Array<{ reasons: string[] }>)[0]?.reasons).toEqual([
      "missing header USE-JWT-COOKIE (expected 'true')",
    ]);
    expect(unknown.kind).toBe('unmatched');
    if (unknown.kind !== 'unmatched') return;
    for (const description of closestOf(unknown.problem))
      expect(description).toMatch(/\(site 30\)$/);
  });
});
