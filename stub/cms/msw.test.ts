/**
 * Studio in-process: msw's handlers serve the LMS's and Studio's pacts on their two base URLs,
 * with the cms profile's persona states, as an authoring MFE's unit tests would use them.
 */
import { setupServer } from 'msw/node';
import { createHandlers } from '../msw';

const LMS = 'http://localhost:18000';
const STUDIO = 'http://localhost:18010';
const DEMO = 'course-v1:edX+DemoX+Demo_Course';
const jwtHeaders = { 'USE-JWT-COOKIE': 'true' };

const backends = createHandlers({ backends: { lms: LMS, cms: STUDIO }, persona: 'staff' });
const server = setupServer(...backends.handlers);

beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterAll(() => server.close());

describe("msw handlers for Studio's pacts", () => {
  it("answers a course outline on Studio's base URL for global staff", async () => {
    // Act
    const reply = await fetch(`${STUDIO}/api/contentstore/v1/course_index/${DEMO}`, {
      headers: jwtHeaders,
    });

    // Assert
    expect(reply.status).toBe(200);
    expect((await reply.json()).course_structure).toMatchObject({
      display_name: 'Demonstration Course',
    });
  });

  it("answers the header's course API call on the LMS's base URL", async () => {
    // Act
    const reply = await fetch(`${LMS}/api/courses/v1/courses/${DEMO}?username=staff`, {
      headers: jwtHeaders,
    });

    // Assert
    expect(reply.status).toBe(200);
    expect(await reply.json()).toMatchObject({ number: 'DemoX', name: 'Demonstration Course' });
  });
});

describe("msw handlers' runtime config", () => {
  it('names the Studio of the backends option, on whatever URL it is', () => {
    // Arrange: Studio elsewhere than devstack's 18010 (the contract's example).
    const elsewhere = createHandlers({
      backends: { lms: 'http://lms.test:8000', cms: 'http://studio.test:8010' },
    });

    // Act
    const result = elsewhere.engines.get('lms')?.handle(
      {
        method: 'GET',
        path: '/api/mfe_config/v1',
        query: { mfe: ['course-authoring'] },
        headers: { accept: 'application/json' },
      },
      { baseUrl: 'http://lms.test:8000' },
    );

    // Assert
    expect(result?.kind).toBe('matched');
    const body = result?.kind === 'matched' ? JSON.parse(String(result.response.body)) : {};
    expect(body).toMatchObject({
      LMS_BASE_URL: 'http://lms.test:8000',
      STUDIO_BASE_URL: 'http://studio.test:8010',
    });
  });
});
