import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { loadPersonaFile } from '../load/personas';
import { isPersonaState, satisfiedStates } from '../openedx/personas';
import { buildSyntheticPact } from '../testing/synthetic-pact/lms-traffic';
import { v4Pact } from './__fixtures__/pacts';
import { buildResponse } from './generators';
import { readPact } from './pact-file';
import { MAX_KEPT_BASE_URLS, MAX_KEPT_PARAMS, ResponseTemplate } from './response-template';
import { resolveStates } from './select';
import type { HttpInteraction, JsonValue } from './types';

const ROOT = path.resolve(__dirname, '..', '..');
const NOW = new Date('2026-03-10T12:00:00Z');
const BASE_URLS = ['http://localhost:18000', 'http://127.0.0.1:18001/'];

/** A seeded generator, so both sides draw the same "random" values in the same order. */
function seeded(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Description, body, and generator kind by path: `state:<expression>`, `url`, or a type. */
type EdgeCase = [string, JsonValue, Record<string, string>];

/** Pact documents with every kind of generator placement the template has to get right. */
const edgeCases = {
  consumer: { name: 'edges' },
  provider: { name: 'lms' },
  interactions: (
    [
      ['overlapping paths', { a: { b: 'x' }, c: 1 }, { '$.a': 'Uuid', '$.a.b': 'Uuid' }],
      ['wildcard meeting a field', { a: [{ u: 'x' }] }, { '$.a[*].u': 'Uuid', '$.*': 'Uuid' }],
      ['root of a JSON body', { a: 1 }, { $: 'state:${username}' }],
      [
        'wildcards over an array and numeric keys',
        {
          '2': 'two',
          b: [
            { id: 0, url: 'http://x/1' },
            { id: 0, url: 'http://x/2' },
          ],
          '1': 'one',
        },
        { '$.b[*].id': 'RandomInt', '$.b[*].url': 'url', "$['1']": 'state:${username}!' },
      ],
      [
        'a value that looks like the hole marker',
        { note: '\u0000pact-stub-hole-0\u0000', who: '' },
        { '$.who': 'state:${username}' },
      ],
      ['a missing parameter', { who: 'example' }, { '$.who': 'state:${nobody}' }],
      ['a path that designates nothing', { who: 'x' }, { '$.nobody.here': 'Uuid' }],
      [
        'a typed parameter and a date',
        { id: '0', when: '', admin: false },
        {
          '$.id': 'state-int:${user_id}',
          '$.when': 'DateTime',
          '$.admin': 'state:${administrator}',
        },
      ],
    ] satisfies EdgeCase[]
  ).map(([description, content, generators]) => ({
    type: 'Synchronous/HTTP',
    description,
    providerStates: [{ name: 'a user is logged in', params: { username: 'vera' } }],
    request: { method: 'GET', path: `/edge/${description}` },
    response: {
      status: 200,
      headers: { Location: ['http://localhost:1234/next'], 'X-User': ['nobody'] },
      body: { content, contentType: 'application/json', encoded: false },
      generators: {
        header: {
          Location: {
            type: 'MockServerURL',
            example: 'http://localhost:1234/next',
            regex: '.*(/next)$',
          },
          'x-user': { type: 'ProviderState', expression: '${username}' },
        },
        body: Object.fromEntries(
          Object.entries(generators).map(([at, kind]) => [
            at,
            kind === 'url'
              ? { type: 'MockServerURL', example: 'http://x/1', regex: '.*(/\\d)$' }
              : kind.startsWith('state-int:')
                ? { type: 'ProviderState', expression: kind.slice(10), dataType: 'INTEGER' }
                : kind.startsWith('state:')
                  ? { type: 'ProviderState', expression: kind.slice(6) }
                  : { type: kind },
          ]),
        ),
      },
    },
  })),
  metadata: { pactSpecification: { version: '4.0' } },
};

const textAndStatus = {
  consumer: { name: 'edges' },
  provider: { name: 'lms' },
  interactions: [
    {
      type: 'Synchronous/HTTP',
      description: 'a text body with a root generator and a generated status',
      request: { method: 'GET', path: '/text' },
      response: {
        status: 200,
        body: { content: 'hello', contentType: 'text/plain', encoded: false },
        generators: {
          status: { type: 'RandomInt', min: 200, max: 204 },
          body: { $: { type: 'ProviderState', expression: 'hello ${username}' } },
        },
      },
    },
  ],
  metadata: { pactSpecification: { version: '4.0' } },
};

function allInteractions(): HttpInteraction[] {
  const dir = path.join(ROOT, 'generated-pacts');
  const docs: Array<[string, unknown]> = [
    ...readdirSync(dir)
      .filter((name) => name.endsWith('.json'))
      .map((name): [string, unknown] => [
        `generated-pacts/${name}`,
        JSON.parse(readFileSync(path.join(dir, name), 'utf8')),
      ]),
    ['synthetic.json', buildSyntheticPact()],
    ['v4.json', v4Pact],
    ['edges.json', edgeCases],
    ['text.json', textAndStatus],
  ];
  return docs.flatMap(([source, doc]) => readPact(doc, source).interactions);
}

/** Parameter sets to fill an interaction with: none, the pact's own, each persona's. */
function parameterSets(interaction: HttpInteraction): Array<Record<string, JsonValue>> {
  const catalog = loadPersonaFile(path.join(ROOT, 'stub', 'personas', 'default.yaml'));
  const sets: Array<Record<string, JsonValue>> = [
    {},
    Object.assign({}, ...interaction.providerStates.map((s) => s.params)),
  ];
  for (const persona of catalog.personas.values()) {
    const resolution = resolveStates(
      interaction,
      {},
      persona.name,
      satisfiedStates(catalog, persona),
      undefined,
      isPersonaState,
    );
    if (resolution.ok) sets.push(resolution.params);
  }
  return sets;
}

describe('ResponseTemplate', () => {
  const interactions = allInteractions();

  it('builds the same bytes and warnings as buildResponse() for every interaction, parameter set and base URL, kept or not', () => {
    // Arrange
    let compared = 0;
    const built: string[] = [];
    const differences: string[] = [];

    // Act
    for (const interaction of interactions) {
      const template = new ResponseTemplate(interaction);
      if (!template.exact) built.push(interaction.description);
      for (const params of parameterSets(interaction)) {
        for (const baseUrl of BASE_URLS) {
          const expected = buildResponse(interaction, {
            params,
            baseUrl,
            now: NOW,
            random: seeded(7),
          });
          // Twice: the second answer comes from what the first one kept.
          for (let round = 0; round < 2; round += 1) {
            const actual = template.respond({ params, baseUrl, now: NOW, random: seeded(7) }, true);
            compared += 1;
            try {
              expect({ ...actual.response }).toEqual(expected.response);
              expect(actual.warnings).toEqual(expected.warnings);
            } catch {
              differences.push(`${interaction.id} ${JSON.stringify(params)} ${baseUrl} #${round}`);
            }
          }
        }
      }
    }

    // Assert
    expect(differences).toEqual([]);
    expect(compared).toBeGreaterThan(1_000);
    // Only the edge cases made for it go through buildResponse() on every request.
    expect(built).toEqual([
      'overlapping paths',
      'wildcard meeting a field',
      'a value that looks like the hole marker',
    ]);
  });

  it('fills the live values again on every request and the kept ones from the parameters and base URL given', () => {
    // Arrange
    const interaction = interactions.find(
      (i) => i.description === 'a typed parameter and a date',
    ) as HttpInteraction;
    const template = new ResponseTemplate(interaction);
    const vera = Object.freeze({ username: 'vera', user_id: 8, administrator: false });
    const sam = Object.freeze({ username: 'sam', user_id: 3, administrator: true });

    // Act
    const answer = (params: Record<string, JsonValue>, baseUrl: string, now: Date) => {
      const { response } = template.respond({ params, baseUrl, now }, true);
      return { body: JSON.parse(String(response.body)), headers: response.headers };
    };
    const first = answer(vera, BASE_URLS[0] as string, NOW);
    const later = answer(vera, BASE_URLS[0] as string, new Date('2026-03-10T12:00:05Z'));
    const other = answer(sam, BASE_URLS[1] as string, NOW);
    const again = answer(vera, BASE_URLS[0] as string, NOW);

    // Assert
    expect(first.body).toEqual({ id: 8, when: '2026-03-10T12:00:00Z', admin: false });
    expect(later.body.when).toBe('2026-03-10T12:00:05Z');
    expect(other.body).toEqual({ id: 3, when: '2026-03-10T12:00:00Z', admin: true });
    expect(other.headers).toEqual({
      Location: ['http://127.0.0.1:18001/next'],
      'X-User': ['sam'],
      'Content-Type': ['application/json'],
    });
    expect(again).toEqual(first);
  });
});

describe('ResponseTemplate, past what it keeps', () => {
  it('answers right for more parameter sets and base URLs than it keeps', () => {
    // Arrange
    const [interaction] = readPact(
      {
        consumer: { name: 'many' },
        provider: { name: 'lms' },
        interactions: [
          {
            type: 'Synchronous/HTTP',
            description: 'an item by id',
            request: { method: 'GET', path: '/items/1' },
            response: {
              status: 200,
              body: {
                content: { id: '1', self: 'http://localhost:1/items/1' },
                contentType: 'application/json',
                encoded: false,
              },
              generators: {
                body: {
                  '$.id': { type: 'ProviderState', expression: '${id}' },
                  '$.self': {
                    type: 'MockServerURL',
                    example: 'http://localhost:1/items/1',
                    regex: '.*(/items/.*)$',
                  },
                },
              },
            },
          },
        ],
        metadata: { pactSpecification: { version: '4.0' } },
      },
      'many.json',
    ).interactions as [HttpInteraction];
    const template = new ResponseTemplate(interaction);
    const params = Array.from({ length: MAX_KEPT_PARAMS * 3 }, (_, i) =>
      Object.freeze({ id: `item-${i}` }),
    );
    const baseUrls = Array.from(
      { length: MAX_KEPT_BASE_URLS * 3 },
      (_, i) => `http://host-${i}.test:18000`,
    );

    // Act: every pair twice, by parameter set then by base URL, so answers come from what was
    // kept, from a purge, and from neighbours that must not be taken for each other.
    const wrong: string[] = [];
    const check = (p: { id: string }, baseUrl: string) => {
      const { response } = template.respond({ params: p, baseUrl, now: NOW }, true);
      const expected = buildResponse(interaction, { params: p, baseUrl, now: NOW });
      if (response.body !== expected.response.body) wrong.push(`${p.id} ${baseUrl}`);
    };
    for (const p of params) for (const baseUrl of baseUrls) check(p, baseUrl);
    for (const baseUrl of baseUrls) for (const p of params) check(p, baseUrl);

    // Assert
    expect(wrong).toEqual([]);
  });
});
