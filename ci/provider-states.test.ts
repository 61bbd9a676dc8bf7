import {
  CATALOGS,
  collectStates,
  loadProviderPacts,
  readStateDocs,
  renderCatalog,
  slug,
} from './provider-states';

const pact = (consumer: string, interactions: object[]) =>
  ({ consumer: { name: consumer }, provider: { name: 'lms' }, interactions }) as never;

const learning = pact('frontend-app-learning', [
  {
    description: 'b request',
    providerStates: [
      { name: 'a user is logged in', params: { username: 'staff', user_id: 3 } },
      { name: 'a course exists', params: { course_id: 'course-v1:edX+DemoX+Demo_Course' } },
    ],
    request: { method: 'GET', path: '/api/b' },
  },
  { description: 'no state', request: { method: 'GET', path: '/api/none' } },
]);
const platform = pact('frontend-platform', [
  {
    description: 'a request',
    providerStates: [{ name: 'a user is logged in', params: { username: 'verified', user_id: 8 } }],
    request: { method: 'POST', path: '/login_refresh' },
  },
]);

describe('collectStates', () => {
  it('merges each state across pacts with every example value of each parameter', () => {
    const [course, user] = collectStates([platform, learning]);
    expect(course?.name).toBe('a course exists');
    expect(user?.name).toBe('a user is logged in');
    expect([...(user?.params.get('username') ?? [])].sort()).toEqual(['"staff"', '"verified"']);
    expect(user?.interactions.map((i) => `${i.consumer}: ${i.request}`)).toEqual([
      'frontend-platform: POST /login_refresh',
      'frontend-app-learning: GET /api/b',
    ]);
  });
});

describe('renderCatalog', () => {
  const docs = new Map([
    ['a user is logged in', { kind: 'persona' as const, comment: 'A session exists.' }],
  ]);

  it('does not depend on the order of the pacts', () => {
    expect(renderCatalog([platform, learning], docs)).toBe(
      renderCatalog([learning, platform], docs),
    );
  });

  it('lists each state with its kind, parameters, values and interactions', () => {
    const catalog = renderCatalog([platform, learning], docs);
    expect(catalog).toContain(
      '| [a user is logged in](#a-user-is-logged-in) | persona | `user_id`, `username` | 2 |',
    );
    expect(catalog).toContain(
      '| [a course exists](#a-course-exists) | undeclared | `course_id` | 1 |',
    );
    expect(catalog).toContain('*persona state.* A session exists.');
    expect(catalog).toContain('| `username` | `"staff"`, `"verified"` |');
    expect(catalog).toContain('- `frontend-platform`: a request (`POST /login_refresh`)');
    expect(catalog).not.toContain('no state');
  });
});

describe('one catalog per backend', () => {
  it("names the backend it is for, and lists only that backend's pacts' states", () => {
    const cms = CATALOGS.find((target) => target.provider === 'cms');
    if (!cms) throw new Error('no cms catalog');
    const pacts = loadProviderPacts('cms');
    const catalog = renderCatalog(pacts, readStateDocs(), cms);

    expect(pacts.map((p) => p.consumer.name)).toEqual(['frontend-app-authoring']);
    expect(catalog).toContain('# Provider states Studio (CMS) sets up');
    expect(catalog).toContain('(provider cms)');
    // An LMS-only state never shows in Studio's catalog.
    expect(catalog).not.toContain('an account exists with the login credentials');
  });
});

describe('slug', () => {
  it("makes GitHub's heading anchors", () => {
    expect(slug('the MFE config API is enabled')).toBe('the-mfe-config-api-is-enabled');
    expect(slug("the user's course (audit)")).toBe('the-users-course-audit');
  });
});

describe('readStateDocs', () => {
  it('reads every persona and request state of vocabulary/openedx/states.ts with its comment', () => {
    const docs = readStateDocs();
    expect(docs.get('a user is logged in')).toEqual({
      kind: 'persona',
      comment: expect.stringContaining('/login_refresh mints their JWT cookie'),
    });
    expect([...docs.values()].filter((doc) => doc.comment === '')).toEqual([]);
    expect([...docs.values()].some((doc) => doc.kind === 'request')).toBe(true);
  });
});
