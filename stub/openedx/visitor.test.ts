/**
 * A browser that is not logged in is a visitor, whatever the active persona: its anonymous
 * refresh marks it with the visitor session cookie, and its next calls get the LMS's answers
 * for a visitor. A client without any cookie (curl, a test) is still the active persona.
 */
import * as path from 'node:path';
import { cookiesOf, send } from '../testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from '../testing/start-stub';

const METADATA =
  '/api/course_home/course_metadata/course-v1:edX+DemoX+Demo_Course?browser_timezone=UTC';
const MFE = { Origin: 'http://localhost:2000', 'USE-JWT-COOKIE': 'true' };

let stub: TestStub;

beforeAll(async () => {
  // The default active persona: the verified learner.
  stub = await startTestStub({
    pacts: [path.join(REPO_ROOT, 'generated-pacts')],
    logLevel: 'error',
  });
});

afterAll(async () => {
  await stub.close();
});

it('answers a browser whose refresh got the 401 as a visitor, not as the active persona', async () => {
  // Arrange: the first call of frontend-platform in a browser with no session.
  const refresh = await send('POST', `${stub.url}/login_refresh`, MFE);
  const visitor = cookiesOf(refresh).get('lms-stub-session');

  // Act
  const asVisitor = await send('GET', `${stub.url}${METADATA}`, {
    ...MFE,
    Cookie: `lms-stub-session=${visitor}`,
  });
  const again = await send('POST', `${stub.url}/login_refresh`, {
    ...MFE,
    Cookie: `lms-stub-session=${visitor}`,
  });
  const noCookie = await send('GET', `${stub.url}${METADATA}`, MFE);

  // Assert
  expect(refresh.status).toBe(401);
  expect(visitor).toBe('anonymous');
  expect(asVisitor.status).toBe(200);
  expect(asVisitor.json()).toMatchObject({
    username: '',
    is_enrolled: false,
    course_access: { has_access: false, error_code: 'authentication_required' },
  });
  // Still a visitor on the next refresh, and no new cookie is needed.
  expect(again.status).toBe(401);
  expect(again.headers['set-cookie']).toBeUndefined();
  // Without the cookie, the active persona answers, as documented for curl and tests.
  expect(noCookie.json()).toMatchObject({ username: 'verified', is_enrolled: true });
});

it('lets a visitor log in: the login session replaces the visitor cookie', async () => {
  const login = await send(
    'GET',
    `${stub.url}/login?persona=staff&next=${encodeURIComponent('http://localhost:2000/')}`,
    { Cookie: 'lms-stub-session=anonymous' },
  );

  const session = cookiesOf(login).get('lms-stub-session');
  const metadata = await send('GET', `${stub.url}${METADATA}`, {
    ...MFE,
    Cookie: `lms-stub-session=${session}`,
  });

  expect(login.status).toBe(302);
  expect(session).toBe('staff');
  expect(metadata.json()).toMatchObject({ username: 'staff', is_staff: true });
});
