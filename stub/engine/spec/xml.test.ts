/**
 * XML request bodies, from the pact-specification V3/V4 cases `testcases/request/body/* xml`:
 * elements, attributes and text compared structurally, with rules at XML paths
 * (`$.alligator['@name']`, `$.animals.alligator`). A reordered attribute or other whitespace
 * is the same document; a changed value, a missing or unexpected attribute or element is not.
 */
import { check, type Json, request } from './spec-helpers';

const DECLARATION = '<?xml version="1.0" encoding="UTF-8"?>';
const xmlInteraction = (body: string, bodyRules?: Record<string, Json>) => ({
  request: {
    method: 'POST',
    path: '/',
    headers: { 'Content-Type': ['application/xml'] },
    body: { contentType: 'application/xml', encoded: false, content: `${DECLARATION}${body}` },
    ...(bodyRules && { matchingRules: { body: bodyRules } }),
  },
});
const send = (body: string, type = 'application/xml') =>
  request('POST', '/', { 'content-type': type }, `${DECLARATION}${body}`);
const verdictOf = (expected: string, actual: string, bodyRules?: Record<string, Json>) =>
  check(xmlInteraction(expected, bodyRules), send(actual));

describe('XML bodies (V3 "... xml" cases)', () => {
  const mary =
    '<alligator name="Mary" feet="4"><favouriteColours><favouriteColour>red</favouriteColour><favouriteColour>blue</favouriteColour></favouriteColours></alligator>';

  it('matches xml: the same document', () => {
    expect(verdictOf(mary, mary)).toBe('fits');
  });

  it('attributes in another order and other whitespace are the same document', () => {
    const same = `<alligator feet="4"   name="Mary">\n  <favouriteColours>\n    <favouriteColour>red</favouriteColour>\n    <favouriteColour>blue</favouriteColour>\n  </favouriteColours>\n</alligator>`;

    expect(verdictOf(mary, same)).toBe('fits');
  });

  it.each<[string, string, string]>([
    ['different value found at key xml', '<alligator name="Mary"/>', '<alligator name="Fred"/>'],
    [
      'missing key xml',
      '<alligator name="Mary" age="3"></alligator>',
      '<alligator age="3"></alligator>',
    ],
    [
      'unexpected key with non-empty value xml',
      '<alligator name="Mary"/>',
      '<alligator name="Mary" phoneNumber="12345678"/>',
    ],
    [
      'empty found at key where not empty expected xml',
      '<alligator name="Mary"/>',
      '<alligator name=""/>',
    ],
    [
      'array in different order xml',
      '<alligator><favouriteColours><favouriteColour>red</favouriteColour><favouriteColour>blue</favouriteColour></favouriteColours></alligator>',
      '<alligator><favouriteColours><favouriteColour>blue</favouriteColour><favouriteColour>red</favouriteColour></favouriteColours></alligator>',
    ],
    [
      'missing index xml',
      '<animals><alligator name="Mary"/><alligator name="Fred"/></animals>',
      '<animals><alligator name="Mary"/></animals>',
    ],
    [
      'unexpected index with non-empty value xml',
      '<animals><alligator name="Mary"/></animals>',
      '<animals><alligator name="Mary"/><alligator name="Fred"/></animals>',
    ],
    ['another root element', '<alligator name="Mary"/>', '<crocodile name="Mary"/>'],
    ['different text', '<note>hello</note>', '<note>goodbye</note>'],
  ])('refuses: %s', (_, expected, actual) => {
    expect(verdictOf(expected, actual)).toMatch(/^refused/);
  });

  it('matches with regex xml: rules on an attribute and on repeated elements', () => {
    const rules = {
      "$.alligator['@name']": { matchers: [{ match: 'regex', regex: '\\w+' }] },
      '$.alligator.favouriteColours.favouriteColour': {
        matchers: [{ match: 'regex', regex: 'red|blue' }],
      },
    };
    const harry =
      '<alligator name="Harry" feet="4"><favouriteColours><favouriteColour>blue</favouriteColour><favouriteColour>red</favouriteColour></favouriteColours></alligator>';
    const green = harry.replace('>red<', '>green<');

    expect(verdictOf(mary, harry, rules)).toBe('fits');
    expect(verdictOf(mary, green, rules)).toMatch(/^refused/);
  });

  it('array with at least one element matching by example xml', () => {
    const rules = {
      '$.animals': { matchers: [{ match: 'type', min: 1 }] },
      '$.animals.alligator': { matchers: [{ match: 'type' }] },
    };

    expect(
      verdictOf(
        '<animals><alligator name="Fred"/></animals>',
        '<animals><alligator name="Mary"/><alligator name="Susan"/></animals>',
        rules,
      ),
    ).toBe('fits');
    expect(verdictOf('<animals><alligator name="Fred"/></animals>', '<animals/>', rules)).toMatch(
      /^refused/,
    );
  });

  it('array size less than required xml', () => {
    const rules = { '$.animals': { matchers: [{ min: 2 }] } };

    expect(
      verdictOf(
        '<animals><alligator name="Mary"/></animals>',
        '<animals><alligator name="Mary"/></animals>',
        rules,
      ),
    ).toMatch(/^refused/);
  });

  it('XML_NAMESPACES (a named difference): prefixes and xmlns declarations compare as written', () => {
    // pact_matching resolves namespaces, so both of these would be the same document there.
    expect(verdictOf('<p:a xmlns:p="urn:x"/>', '<q:a xmlns:q="urn:x"/>')).toMatch(/^refused/);
    expect(verdictOf('<a xmlns="urn:x"/>', '<a xmlns="urn:x"/>')).toBe('fits');
  });

  it('refuses a body that is not well-formed XML, or not sent as XML', () => {
    expect(check(xmlInteraction(mary), send('<alligator name="Mary">'))).toMatch(
      /refused.*not well-formed XML/,
    );
    expect(check(xmlInteraction(mary), send(mary, 'text/plain'))).toMatch(/^refused/);
  });
});
