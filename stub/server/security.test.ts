/**
 * The stub against a browser page of another site: cross-site writes to the admin API (CSRF),
 * a rebinding domain reading the journal (DNS rebinding), credentials in the journal.
 */
import * as path from 'node:path';
import { send } from '../testing/http';
import { REPO_ROOT, startTestStub, type TestStub } from '../testing/start-stub';

let stub: TestStub;

beforeEach(async () => {
  stub = await startTestStub();
});

afterEach(async () => {
  await stub.close();
});

const activePersona = async () => (await send('GET', `${stub.url}/__stub/persona`)).json().active;

describe('admin API against other sites (CSRF)', () => {
  it('refuses a simple cross-site POST (text/plain, a form) and changes nothing', async () => {
    // Act
    const textPlain = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      { Origin: 'http://evil.com', 'Content-Type': 'text/plain' },
      '{"persona":"staff"}',
    );
    const form = await send(
      'POST',
      `${stub.url}/__stub/reset`,
      { 'Content-Type': 'application/x-www-form-urlencoded' },
      'a=1',
    );

    // Assert
    expect(textPlain.status).toBe(403);
    expect(textPlain.headers['content-type']).toBe('application/problem+json');
    expect(textPlain.json()).toMatchObject({ code: 'ADMIN_REQUEST_REFUSED' });
    expect(textPlain.headers['access-control-allow-origin']).toBeUndefined();
    expect(form.status).toBe(403);
    expect(form.json().detail).toContain('Content-Type: application/json');
    expect(await activePersona()).toBe('verified-learner');
  });

  it('refuses JSON writes and journal reads from an origin that is not its own, allowed MFE origins included', async () => {
    // Act
    const json = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      { Origin: 'http://localhost:2000', 'Content-Type': 'application/json' },
      '{"persona":"staff"}',
    );
    const preflight = await send('OPTIONS', `${stub.url}/__stub/requests`, {
      Origin: 'http://localhost:2000',
      'Access-Control-Request-Method': 'GET',
    });
    const journal = await send('GET', `${stub.url}/__stub/requests`, {
      Origin: 'http://localhost:2000',
    });
    const crossSite = await send('GET', `${stub.url}/__stub/requests`, {
      'Sec-Fetch-Site': 'same-site',
    });

    // Assert
    for (const reply of [json, preflight, journal, crossSite]) {
      expect(reply.status).toBe(403);
      expect(reply.json().code).toBe('ADMIN_REQUEST_REFUSED');
      expect(reply.headers['access-control-allow-origin']).toBeUndefined();
    }
    expect(await activePersona()).toBe('verified-learner');
  });

  it('answers its own page (same origin, JSON) and curl (no Origin, JSON)', async () => {
    // Arrange
    const own = `http://localhost:${stub.port}`;

    // Act
    const fromPage = await send(
      'POST',
      `${stub.url}/__stub/persona`,
      {
        Host: `localhost:${stub.port}`,
        Origin: own,
        'Sec-Fetch-Site': 'same-origin',
        'Content-Type': 'application/json',
      },
      '{"persona":"staff"}',
    );
    const fromCurl = await send(
      'POST',
      `${stub.url}/__stub/state`,
      { 'Content-Type': 'application/json; charset=utf-8' },
      '{"state":null}',
    );
    const reset = await send('POST', `${stub.url}/__stub/reset`, {
      'Content-Type': 'application/json',
    });
    const journal = await send('GET', `${stub.url}/__stub/requests`, {
      Host: `localhost:${stub.port}`,
      'Sec-Fetch-Site': 'same-origin',
    });

    // Assert
    expect(fromPage.status).toBe(200);
    expect(fromPage.json().active).toBe('staff');
    expect(fromCurl.status).toBe(200);
    expect(reset.status).toBe(200);
    expect(journal.status).toBe(200);
  });
});

describe('Host check (DNS rebinding)', () => {
  it('answers 421 to a Host it does not answer to, on every path, and keeps the journal closed', async () => {
    // Arrange
    await send('GET', `${stub.url}/csrf/api/v1/token`, {
      'USE-JWT-COOKIE': 'true',
      Cookie: 'sessionid=s3cr3t',
    });

    // Act
    const journal = await send('GET', `${stub.url}/__stub/requests`, {
      Host: `rebind.evil.com:${stub.port}`,
    });
    const api = await send('GET', `${stub.url}/csrf/api/v1/token`, {
      Host: 'rebind.evil.com',
      'USE-JWT-COOKIE': 'true',
    });

    // Assert
    for (const reply of [journal, api]) {
      expect(reply.status).toBe(421);
      expect(reply.json()).toMatchObject({ code: 'HOST_NOT_ALLOWED' });
      expect(reply.json().detail).toContain('--allowed-host rebind.evil.com');
      expect(reply.text).not.toContain('s3cr3t');
    }
    expect(stub.logs.join('')).toContain("The Host 'rebind.evil.com");
  });

  it('answers the loopback names, the hosts of allowed origins and --allowed-host names on any port', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({
      origins: ['http://mfe.test:*'],
      allowedHosts: ['local.openedx.io'],
    });
    const health = (host: string) => send('GET', `${stub.url}/__stub/health`, { Host: host });

    // Act
    const replies = await Promise.all(
      [
        `localhost:${stub.port}`,
        `127.0.0.1:${stub.port}`,
        `[::1]:${stub.port}`,
        'LOCALHOST:2000',
        `apps.local.openedx.io:${stub.port}`,
        'mfe.test:8080',
        'local.openedx.io:8000',
      ].map(health),
    );
    const other = await health('openedx.io:8000');

    // Assert
    expect(replies.map((reply) => reply.status)).toEqual([200, 200, 200, 200, 200, 200, 200]);
    expect(other.status).toBe(421);
  });
});

describe('credentials in the journal', () => {
  const sendWithCredentials = () =>
    send('GET', `${stub.url}/csrf/api/v1/token`, {
      'USE-JWT-COOKIE': 'true',
      Cookie: 'sessionid=s3cr3t; csrftoken=t0k3n',
      Authorization: 'JWT eyJhbGciOi.payload.sig',
      'Proxy-Authorization': 'Basic YWxpY2U6cHc=',
    });

  it('redacts Cookie, Authorization and Proxy-Authorization values, keeping names and schemes', async () => {
    // Act
    await sendWithCredentials();
    const journal = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    const [entry] = journal.json().entries;
    expect(entry.request.headers).toMatchObject({
      cookie: 'sessionid=[redacted]; csrftoken=[redacted]',
      authorization: 'JWT [redacted]',
      'proxy-authorization': 'Basic [redacted]',
      'use-jwt-cookie': 'true',
    });
    expect(journal.text).not.toMatch(/s3cr3t|t0k3n|eyJhbGciOi|YWxpY2U6cHc/);
  });

  it('keeps them with --journal-credentials', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ journalCredentials: true });

    // Act
    await sendWithCredentials();
    const journal = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    const [entry] = journal.json().entries;
    expect(entry.request.headers).toMatchObject({
      cookie: 'sessionid=s3cr3t; csrftoken=t0k3n',
      authorization: 'JWT eyJhbGciOi.payload.sig',
    });
  });
});

describe('passwords in the journal', () => {
  const AUTHN_PACT = path.join(REPO_ROOT, 'generated-pacts', 'frontend-app-authn-lms.json');
  const FORM = { 'Content-Type': 'application/x-www-form-urlencoded' };
  /** What the authn MFE's login and registration pages post, with a password someone typed. */
  const submitForms = async (url: string) => {
    await send(
      'POST',
      `${url}/api/user/v2/account/login_session/`,
      FORM,
      'email_or_username=verified%40example.com&password=hunter2-L0gin&next=%2F',
    );
    await send(
      'POST',
      `${url}/api/user/v2/account/registration/`,
      FORM,
      'email=nia%40example.com&name=Nia&password=hunter2-Reg1ster&username=nia',
    );
    await send(
      'POST',
      `${url}/api/anything`,
      { 'Content-Type': 'application/json' },
      JSON.stringify({ user: { password: 'hunter2-J50n' }, new_password1: 'hunter2-Res3t' }),
    );
  };

  it('redacts password fields of form and JSON bodies, in the list and in the event stream', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ pacts: [AUTHN_PACT] });
    const streamed: string[] = [];
    const stop = stub.server.runtime.core.subscribe((event) => {
      if (event.type === 'request') streamed.push(event.record.request.body ?? '');
    });

    // Act
    await submitForms(stub.url);
    stop();
    const journal = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    const bodies = journal
      .json()
      .entries.map((entry: { request: { body?: string } }) => entry.request.body);
    expect(bodies).toEqual([
      '{"user":{"password":"[redacted]"},"new_password1":"[redacted]"}',
      'email=nia%40example.com&name=Nia&password=[redacted]&username=nia',
      'email_or_username=verified%40example.com&password=[redacted]&next=%2F',
    ]);
    expect(journal.text).not.toContain('hunter2');
    expect(streamed.join('\n')).not.toContain('hunter2');
  });

  it('keeps them with --journal-credentials, for the traffic recorder', async () => {
    // Arrange
    await stub.close();
    stub = await startTestStub({ pacts: [AUTHN_PACT], journalCredentials: true });

    // Act
    await submitForms(stub.url);
    const journal = await send('GET', `${stub.url}/__stub/requests`);

    // Assert
    expect(journal.json().entries[2].request.body).toBe(
      'email_or_username=verified%40example.com&password=hunter2-L0gin&next=%2F',
    );
  });
});
