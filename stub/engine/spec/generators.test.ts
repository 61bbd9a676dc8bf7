/**
 * Every generator of the pact-specification V4 README's "Supported generators" table, applied
 * to a response body as a provider-side stub applies them (MockServerURL has its own test in
 * matchers.test.ts). Values are checked against the README's description, not against fixed
 * output: random generators are random.
 */
import { CONTEXT, engineFor, type Json, request } from './spec-helpers';

function generate(generator: Json, example: Json = ''): Json {
  const engine = engineFor({
    request: { method: 'GET', path: '/g' },
    providerStates: [{ name: 'a user exists', params: { id: 42 } }],
    response: {
      status: 200,
      headers: { 'Content-Type': ['application/json'] },
      body: { contentType: 'application/json', encoded: false, content: { v: example } },
      generators: { body: { '$.v': generator } },
    },
  });
  const result = engine.handle(request('GET', '/g'), {
    ...CONTEXT,
    state: { name: 'a user exists', params: { id: 42 } },
  });
  if (result.kind !== 'matched') throw new Error(JSON.stringify(result.problem));
  return (JSON.parse(String(result.response.body)) as { v: Json }).v;
}

describe('the V4 README table of generators', () => {
  it('RandomInt (V3): an integer between min and max, inclusive', () => {
    for (let i = 0; i < 20; i += 1) {
      const v = generate({ type: 'RandomInt', min: 200, max: 202 }, 0);
      expect([200, 201, 202]).toContain(v);
    }
  });

  it('RandomDecimal (V3): a decimal number with the given number of digits', () => {
    const v = generate({ type: 'RandomDecimal', digits: 8 }, 0);

    expect(typeof v).toBe('number');
    expect(String(v).replace(/[.-]/g, '').length).toBeLessThanOrEqual(8);
  });

  it('RandomHexadecimal (V3): that many hexadecimal digits', () => {
    expect(generate({ type: 'RandomHexadecimal', digits: 8 })).toMatch(/^[0-9a-f]{8}$/);
  });

  it('RandomString (V3): an alphanumeric string of that size', () => {
    expect(generate({ type: 'RandomString', size: 20 })).toMatch(/^[A-Za-z0-9]{20}$/);
  });

  it('Regex (V3): a string the regular expression matches in whole', () => {
    expect(generate({ type: 'Regex', regex: '\\d{3}-[a-z]{2}' })).toMatch(/^\d{3}-[a-z]{2}$/);
  });

  it.each([
    [undefined, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ['simple', /^[0-9a-f]{32}$/],
    ['lower-case-hyphenated', /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
    ['upper-case-hyphenated', /^[0-9A-F]{8}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{4}-[0-9A-F]{12}$/],
    ['URN', /^urn:uuid:[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/],
  ])('Uuid (V3/V4) in format %s', (format, shape) => {
    expect(generate({ type: 'Uuid', ...(format && { format }) })).toMatch(shape);
  });

  it('Date, Time and DateTime (V3): the format given, relative to now and its expression', () => {
    // CONTEXT.now is 2026-11-01T10:00:00Z.
    expect(generate({ type: 'Date', format: 'yyyy-MM-dd' })).toBe('2026-11-01');
    expect(generate({ type: 'Date', format: 'yyyy-MM-dd', expression: '+ 1 day' })).toBe(
      '2026-11-02',
    );
    expect(generate({ type: 'Time', format: 'HH:mm' })).toBe('10:00');
    expect(
      generate({ type: 'DateTime', format: "yyyy-MM-dd'T'HH:mm:ss", expression: '+ 2 hours' }),
    ).toBe('2026-11-01T12:00:00');
  });

  it('RandomBoolean (V3): a boolean', () => {
    expect(typeof generate({ type: 'RandomBoolean' }, false)).toBe('boolean');
  });

  it('ProviderState (V4): the expression filled from the provider state', () => {
    expect(generate({ type: 'ProviderState', expression: '/api/user/${id}' })).toBe('/api/user/42');
  });
});
