/** Small pact documents in each specification version, for the engine's tests. */
import { readPersonas } from '../../openedx/personas';

export const personas = () =>
  readPersonas(
    {
      default_persona: 'learner',
      users: [
        {
          username: 'vera',
          user_id: 8,
          email: 'vera@example.com',
          name: 'Vera',
          administrator: false,
          roles: [],
        },
        {
          username: 'sam',
          user_id: 3,
          email: 'sam@example.com',
          name: 'Sam',
          administrator: true,
          roles: [],
        },
      ],
      courses: [
        {
          course_id: 'course-v1:edX+DemoX+Demo_Course',
          course_name: 'Demo',
          org: 'edX',
          sequence_id: 's1',
          unit_id: 'u1',
        },
        {
          course_id: 'course-v1:Org+Two+2026',
          course_name: 'Two',
          org: 'Org',
          sequence_id: 's2',
          unit_id: 'u2',
        },
      ],
      enrollments: [
        { username: 'vera', course_id: 'course-v1:edX+DemoX+Demo_Course', mode: 'verified' },
      ],
      personas: {
        learner: { user: 'vera' },
        staff: { user: 'sam' },
        anonymous: { user: null },
      },
    },
    'test-personas.yaml',
  );

export const v2Pact = {
  consumer: { name: 'old-mfe' },
  provider: { name: 'lms' },
  interactions: [
    {
      description: 'a v2 search',
      providerState: 'the MFE config API is enabled',
      request: {
        method: 'get',
        path: '/api/search',
        query: 'q=hello+world&page=2',
        headers: { Accept: 'application/json' },
      },
      response: {
        status: 200,
        headers: { 'Content-Type': 'application/json' },
        body: { hits: [1, 2] },
      },
    },
    {
      description: 'a v2 item with a regex path',
      request: { method: 'GET', path: '/api/items/42' },
      response: { status: 200, body: { id: 42 } },
      matchingRules: {},
    },
  ],
  metadata: { pactSpecification: { version: '2.0.0' } },
};

export const v2RegexPathPact = {
  consumer: { name: 'old-mfe' },
  provider: { name: 'lms' },
  interactions: [
    {
      description: 'an item by id',
      request: {
        method: 'GET',
        path: '/api/things/7',
        matchingRules: { '$.path': { match: 'regex', regex: '^/api/things/[0-9]+$' } },
      },
      response: { status: 200, body: { thing: true } },
    },
  ],
  metadata: { pactSpecification: { version: '2.0.0' } },
};

export const v3Pact = {
  consumer: { name: 'v3-mfe' },
  provider: { name: 'lms' },
  interactions: [
    {
      description: 'a v3 form post',
      providerStates: [{ name: 'a user is logged in', params: { username: 'vera' } }],
      request: {
        method: 'POST',
        path: '/event',
        headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
        body: 'event_type=page_view&page=home',
        matchingRules: {
          body: { '$.page': { matchers: [{ match: 'regex', regex: '^[a-z]+$' }] } },
        },
      },
      response: { status: 204 },
    },
  ],
  metadata: { pactSpecification: { version: '3.0.0' } },
};

const account = (
  description: string,
  state: Array<{ name: string; params?: Record<string, unknown> }>,
  status = 200,
) => ({
  type: 'Synchronous/HTTP',
  description,
  providerStates: state,
  request: {
    method: 'GET',
    path: '/api/user/v1/accounts/vera',
    generators: {
      path: { type: 'ProviderState', expression: '/api/user/v1/accounts/${username}' },
    },
    matchingRules: { path: { combine: 'AND', matchers: [{ match: 'type' }] } },
  },
  response: {
    status,
    headers: { 'Content-Type': ['application/json'] },
    body: {
      content: {
        username: 'vera',
        id: 8,
        profile: 'http://localhost:9999/u/vera',
        joined: '2024-01-01',
      },
      contentType: 'application/json',
      encoded: false,
    },
    generators: {
      body: {
        '$.username': { type: 'ProviderState', expression: '${username}' },
        '$.id': { type: 'ProviderState', expression: '${user_id}' },
        '$.profile': {
          type: 'MockServerURL',
          example: 'http://localhost:9999/u/vera',
          regex: '.*(\\/u\\/.*)$',
        },
        '$.joined': { type: 'Date', format: 'yyyy-MM-dd', expression: 'today - 1 day' },
      },
    },
  },
});

export const v4Pact = {
  consumer: { name: 'frontend-platform' },
  provider: { name: 'lms' },
  interactions: [
    account("the logged-in user's account", [
      { name: 'a user is logged in', params: { username: 'vera', user_id: 8 } },
    ]),
    account(
      'an unknown account',
      [
        { name: 'a user is logged in', params: { username: 'vera', user_id: 8 } },
        { name: 'no account exists for the username', params: { username: 'ghost' } },
      ],
      404,
    ),
    {
      type: 'Synchronous/HTTP',
      description: 'a course outline',
      providerStates: [
        {
          name: 'a course exists',
          params: { course_id: 'course-v1:edX+DemoX+Demo_Course', course_name: 'Demo' },
        },
        {
          name: 'the user is enrolled in the course',
          params: {
            username: 'vera',
            course_id: 'course-v1:edX+DemoX+Demo_Course',
            mode: 'verified',
          },
        },
      ],
      request: {
        method: 'GET',
        path: '/api/course_home/outline/course-v1:edX+DemoX+Demo_Course',
        generators: {
          path: { type: 'ProviderState', expression: '/api/course_home/outline/${course_id}' },
        },
        matchingRules: { path: { combine: 'AND', matchers: [{ match: 'type' }] } },
      },
      response: {
        status: 200,
        body: {
          content: { title: 'Demo', mode: 'verified' },
          contentType: 'application/json',
          encoded: false,
        },
        generators: {
          body: {
            '$.title': { type: 'ProviderState', expression: '${course_name}' },
            '$.mode': { type: 'ProviderState', expression: '${mode}' },
          },
        },
      },
    },
    {
      type: 'Synchronous/HTTP',
      description: 'a public health check',
      request: { method: 'GET', path: '/heartbeat' },
      response: { status: 200, body: { content: 'OK', contentType: 'text/plain', encoded: false } },
    },
    {
      type: 'Asynchronous/Messages',
      description: 'a message the stub ignores',
      contents: { content: {} },
    },
  ],
  metadata: { pactSpecification: { version: '4.0' } },
};

/** A V4 interaction whose request body carries `rules` at `$`, for matcher tests. */
export function bodyRulePact(
  body: unknown,
  rules: Record<string, unknown>,
  extra: Record<string, unknown> = {},
) {
  return {
    consumer: { name: 'rules' },
    provider: { name: 'lms' },
    interactions: [
      {
        type: 'Synchronous/HTTP',
        description: 'a body with rules',
        request: {
          method: 'POST',
          path: '/rules',
          headers: { 'Content-Type': ['application/json'] },
          body: { content: body, contentType: 'application/json', encoded: false },
          matchingRules: { body: rules },
          ...extra,
        },
        response: { status: 200 },
      },
    ],
    metadata: { pactSpecification: { version: '4.0' } },
  };
}
