/**
 * The learner dashboard's course-email toggle against the stub: turning emails on sends
 * `receive_emails: 'on'`, turning them off leaves the key out; each matches its own contract.
 */
import * as path from 'node:path';
import { send } from './testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from './testing/start-stub';

const DASHBOARD_PACT = path.join(
  REPO_ROOT,
  'generated-pacts',
  'frontend-app-learner-dashboard-lms.json',
);
const COURSE = 'course-v1:edX+DemoX+Demo_Course';

let stub: TestStub;

beforeAll(async () => {
  stub = await startTestStub({ pacts: [DASHBOARD_PACT], persona: 'verified-learner' });
});

afterAll(() => stub.close());

async function toggle(body: Record<string, string>) {
  const reply = await send(
    'POST',
    `${stub.url}/api/change_email_settings`,
    {
      'Content-Type': 'application/json',
      'USE-JWT-COOKIE': 'true',
      'X-CSRFToken': 'a'.repeat(64),
    },
    JSON.stringify(body),
  );
  const journal = await send('GET', `${stub.url}/__stub/requests`);
  // The journal lists the newest request first.
  const last = journal.json().entries[0];
  return { reply, interaction: last?.interaction?.description as string | undefined };
}

describe('POST /api/change_email_settings', () => {
  it.each([
    ['on', { course_id: COURSE, receive_emails: 'on' }, 'a request to turn on the emails'],
    ['off', { course_id: COURSE }, 'a request to turn off the emails'],
  ])('turns emails %s through its own contract', async (_what, body, description) => {
    // Act
    const { reply, interaction } = await toggle(body);

    // Assert
    expect(reply.status).toBe(200);
    expect(reply.json()).toEqual({ success: true });
    expect(interaction).toContain(description);
  });
});
