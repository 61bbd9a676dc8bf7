/**
 * Building blocks shared by the MFE contracts: provider states given as data, request paths
 * filled from state parameters, absolute LMS URLs the stub can rewrite, and the side traffic of
 * frontend-platform's client (CSRF token, anonymous refresh) that several tests declare.
 */
import type { PactV4 } from '@pact-foundation/pact';
import { MatchersV3 } from '@pact-foundation/pact';
import { getFfiLib } from '@pact-foundation/pact-core';
import { jwtSetCookieMatcher } from './jwt';
import { refreshedCookieBody } from './lms-bodies';
import { CSRF_TOKEN_API_PATH } from './platform';
import { STATES, type UserParams } from './states';

const { fromProviderState, regex, url2 } = MatchersV3;

/** pact-js 16 does not export its V4 builder types from the package root: derive them. */
export type V4UnconfiguredInteraction = ReturnType<PactV4['addInteraction']>;
type V4InteractionWithResponse = ReturnType<
  ReturnType<V4UnconfiguredInteraction['withRequest']>['willRespondWith']
>;
export type MockServer = Parameters<Parameters<V4InteractionWithResponse['executeTest']>[0]>[0];

type StateParams = Parameters<V4UnconfiguredInteraction['given']>[1];

/** One provider state and its parameters, as data, so a test can list several. */
export type Given = readonly [state: string, params?: StateParams];

/** Declares every state of the list on the interaction, in order. */
export function givenAll(
  interaction: V4UnconfiguredInteraction,
  states: readonly Given[],
): V4UnconfiguredInteraction {
  return states.reduce(
    (built, [state, params]) => (params ? built.given(state, params) : built.given(state)),
    interaction,
  );
}

/**
 * A request path whose parts come from provider-state parameters, e.g.
 * `statePath('/api/courseware/course/${course_id}', DEMO_COURSE)`. The example fills the
 * template from the given values, so the pact shows a real Open edX path; the stub and the LMS
 * verifier fill it from their own state.
 */
export function statePath(template: string, values: Record<string, unknown>) {
  const example = template.replace(/\$\{([^}]+)\}/g, (_whole, name: string) => {
    const value = values[name];
    if (value === undefined) {
      throw new Error(`[contracts] Failed to fill path ${template}: no value for \${${name}}.`);
    }
    return String(value);
  });
  return fromProviderState(template, example);
}

/** Opaque keys as the LMS prints them (opaque-keys' `course-v1:` and `block-v1:` forms). */
export const COURSE_KEY_PATTERN = 'course-v1:[^/+]+\\+[^/+]+\\+[^/+]+';
export const USAGE_KEY_PATTERN = 'block-v1:[^/+]+\\+[^/+]+\\+[^/+]+\\+type@[^/+]+\\+block@[^/+]+';

export const courseKey = (example: string) => regex(`^${COURSE_KEY_PATTERN}$`, example);
export const usageKey = (example: string) => regex(`^${USAGE_KEY_PATTERN}$`, example);

type UrlSegment = string | MatchersV3.V3RegexMatcher;

const SAFE_SEGMENT = /^[A-Za-z0-9_.~-]+$/;
const escapeRegex = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * An absolute URL on the LMS, as a mock-server URL: the Pact mock server (and the stub) answer
 * with their own base URL, so the MFE follows the link to whatever LMS served it. Segments that
 * are not plain words (course keys with `+` and `:`) are matched literally, not as regexes,
 * unless the caller passes a regex matcher for them (e.g. `regex(COURSE_KEY_PATTERN, key)`).
 */
export function lmsUrl(...segments: UrlSegment[]): MatchersV3.V3RegexMatcher {
  return url2(
    null,
    segments.map((segment) =>
      typeof segment === 'string' && !SAFE_SEGMENT.test(segment)
        ? regex(escapeRegex(segment), segment)
        : segment,
    ),
  );
}

/** A course key inside an LMS URL: any course run, the given one as the example. */
export const courseKeySegment = (example: string) => regex(COURSE_KEY_PATTERN, example);
/** A usage key inside an LMS URL. */
export const usageKeySegment = (example: string) => regex(USAGE_KEY_PATTERN, example);

/** The token answered by CSRF_TOKEN_API_PATH in every contract (csrf/api/v1/views.py). */
export const EXAMPLE_CSRF_TOKEN = 'k3vbA1Qx9TzPw6nH0cYdR2mLs8fJu5Ge';
export const CSRF_TOKEN_MATCHER = regex('^[A-Za-z0-9]{32,64}$', EXAMPLE_CSRF_TOKEN);

/**
 * The GET of a CSRF token that frontend-platform sends before the first mutation to a host.
 * `who` names the caller in the description, so one consumer can declare it for several users
 * without two interactions sharing a description.
 */
export function addCsrfTokenInteraction(pact: PactV4, who: string, states: readonly Given[]) {
  givenAll(pact.addInteraction(), states)
    .uponReceiving(`a request for a CSRF token by ${who}`)
    .withRequest('GET', CSRF_TOKEN_API_PATH, (request) => {
      request.headers({ 'USE-JWT-COOKIE': 'true' });
    })
    .willRespondWith(200, (response) => {
      response.headers({ 'Content-Type': 'application/json' });
      response.jsonBody({ csrfToken: CSRF_TOKEN_MATCHER });
    });
}

/** The refresh an anonymous browser sends before an authenticated call: the LMS answers 401 and
 *  the client goes on without a JWT cookie (openedx-platform user_authn/views/login.py). */
export function addAnonymousRefreshInteraction(pact: PactV4) {
  return pact
    .addInteraction()
    .given(STATES.noUserLoggedIn)
    .uponReceiving('a request to refresh the JWT cookie with no user logged in')
    .withRequest('POST', '/login_refresh')
    .willRespondWith(401, (response) => {
      response.jsonBody('Unauthorized');
    });
}

/** The refresh of a logged-in browser: 200 with the JWT header.payload cookie of the user
 *  (openedx-platform user_authn/cookies.py). Returned so a test can chain `executeTest`. */
export function addLoggedInRefreshInteraction(pact: PactV4, user: UserParams) {
  return pact
    .addInteraction()
    .given(STATES.userLoggedIn, user)
    .uponReceiving('a request to refresh the JWT cookie of a logged-in user')
    .withRequest('POST', '/login_refresh')
    .willRespondWith(200, (response) => {
      response.headers({ 'Set-Cookie': jwtSetCookieMatcher(user) });
      response.jsonBody(refreshedCookieBody(user));
    });
}

/** Headers the authenticated client adds to every call it makes for a logged-in user. */
export const AUTHENTICATED_HEADERS = { 'USE-JWT-COOKIE': 'true' } as const;

/** Headers of a mutation through the authenticated client: the JWT marker and the CSRF token. */
export const AUTHENTICATED_MUTATION_HEADERS = {
  'USE-JWT-COOKIE': 'true',
  'X-CSRFToken': CSRF_TOKEN_MATCHER,
} as const;

export const JSON_RESPONSE_HEADERS = { 'Content-Type': 'application/json' } as const;

type RequestBuilder = Parameters<
  NonNullable<Parameters<V4UnconfiguredInteraction['withRequest']>[2]>
>[0];

/**
 * Sets an `application/x-www-form-urlencoded` request body from a template whose values may be
 * matchers (`regex`, `like`): Pact's core turns it into a form body with a matching rule per
 * field. pact-js 16's V4 builder has no form method, and its `body(contentType, Buffer)` adds a
 * content-type rule that every form field then fails, so this reaches the builder's interaction
 * (the same call `jsonBody()` makes, with the form content type).
 */
export function formBody(request: RequestBuilder, template: Record<string, unknown>): void {
  const { interaction } = request as unknown as {
    interaction?: { withRequestBody?: (body: string, contentType: string) => void };
  };
  if (typeof interaction?.withRequestBody !== 'function') {
    throw new Error(
      '[contracts] Failed to set a form body: this pact-js version has no ' +
        'RequestBuilder.interaction.withRequestBody. Check contracts/support/interactions.ts ' +
        'against the installed @pact-foundation/pact.',
    );
  }
  request.headers({ 'Content-Type': 'application/x-www-form-urlencoded' });
  interaction.withRequestBody(JSON.stringify(template), 'application/x-www-form-urlencoded');
}

/**
 * The Pact mock server answers a request before it records the match (since pact-core 19, used
 * by pact-js >= 16.3, the record goes through an async channel: upstream
 * pact-foundation/pact-core-mock-server#13). A fast client can therefore finish its test while
 * the record is still pending, and Pact reports the request as "expected but not received" with
 * every assertion passing (seen here in about one run in six of a 24-test file under load).
 *
 * So before Pact checks, wait until the mock server itself reports a full match, asking it every
 * few milliseconds. A test that really misses a request stops waiting after the bound and fails
 * as before, with Pact's own explanation. Remove this when the pinned pact-js ships a core with
 * the upstream fix (matches recorded before the answer).
 */
const MATCH_POLL_INTERVAL_MS = 2;
const MATCH_WAIT_BOUND_MS = 1_000;

function mockServerMatched(port: number): boolean {
  return getFfiLib().pactffiMockServerMatched(port);
}

/** Wraps an `executeTest` callback so that Pact checks the mock server only once it has
 *  recorded the requests the test made (see above). */
export function settled<Result>(
  testFn: (mockServer: MockServer) => Promise<Result>,
): (mockServer: MockServer) => Promise<Result> {
  return async (mockServer) => {
    const result = await testFn(mockServer);
    const deadline = Date.now() + MATCH_WAIT_BOUND_MS;
    while (!mockServerMatched(mockServer.port) && Date.now() < deadline) {
      await new Promise((resolve) => setTimeout(resolve, MATCH_POLL_INTERVAL_MS));
    }
    return result;
  };
}
