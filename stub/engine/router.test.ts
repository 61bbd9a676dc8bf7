import { buildSyntheticPact } from '../testing/synthetic-pact/lms-traffic';
import { readPact } from './pact-file';
import { decodePathSegments, requiredPrefix } from './router';
import { compileRuleList } from './rules';

const regexRules = (combine: 'AND' | 'OR', ...regexes: string[]) =>
  compileRuleList({ combine, matchers: regexes.map((regex) => ({ match: 'regex', regex })) }, '$');

describe('requiredPrefix', () => {
  it.each([
    ['^\\/courses\\/course-v1:[^/+]+\\/xblock', '/courses/course-v1:'],
    ['^/api/user/v1/accounts/[a-z]+$', '/api/user/v1/accounts/'],
    ['^/api/x?y', '/api/'],
    ['^/api/ab{2}', '/api/a'],
    ['^/a\\.b\\d+', '/a.b'],
  ])('reads the literal start of %s', (regex, prefix) => {
    // Act
    const found = requiredPrefix(regexRules('AND', regex));

    // Assert
    expect(found).toBe(prefix);
  });

  it.each([
    ['an alternation', regexRules('AND', '^/a|/b')],
    ['an alternation in a group (read conservatively)', regexRules('AND', '^/api/(v1|v2)/x')],
    ['a case-insensitive regex', regexRules('AND', '(?i)^/api/x')],
    ['a class escape first', regexRules('AND', '^\\d+/x')],
    ['an OR list', regexRules('OR', '^/a/x', '^/b/x')],
    ['a type rule', compileRuleList({ match: 'type' }, '$')],
  ])('gives no prefix for %s', (_, list) => {
    // Act
    const found = requiredPrefix(list);

    // Assert
    expect(found).toBe('');
  });

  it('reads an unanchored regex as anchored (a Pact regex matches the whole path)', () => {
    // Act
    const found = requiredPrefix(regexRules('AND', '/api/x/\\d+'));

    // Assert
    expect(found).toBe('/api/x/');
  });

  it('takes the longest start of an AND list', () => {
    // Act
    const found = requiredPrefix(regexRules('AND', '^/api/', '^/api/courses/\\d+'));

    // Assert
    expect(found).toBe('/api/courses/');
  });

  it("never rules out an interaction's own example path (synthetic set)", () => {
    // Arrange
    const interactions = readPact(buildSyntheticPact(), 'synthetic.json').interactions.filter(
      (i) => i.request.rules.path,
    );

    // Act
    const refused = interactions.filter((i) => {
      const prefix = requiredPrefix(
        i.request.rules.path as NonNullable<typeof i.request.rules.path>,
      );
      return !decodePathSegments(i.request.path).join('/').startsWith(prefix);
    });
    const withPrefix = interactions.filter(
      (i) =>
        requiredPrefix(i.request.rules.path as NonNullable<typeof i.request.rules.path>) !== '',
    );

    // Assert
    expect(refused.map((i) => i.description)).toEqual([]);
    expect(withPrefix.length).toBeGreaterThan(5);
  });
});
