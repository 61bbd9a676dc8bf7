/**
 * The stub as the LMS of Tutor's dev layout (`--tutor`, `--cookie-domain`) and of a
 * frontend-base site: the frontend site config with the stub's own URLs, cookies a site on
 * another subdomain can read, CORS for the Tutor names, the banner for both kinds of front end.
 * Started through the CLI, on a free port (`--port 0` overrides the preset's 8000).
 */
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { type CliIo, type CliRun, portOf, startCli } from './cli';
import { cmsProfile } from './cms/profile';
import { parseConfig } from './config';
import { frontEndSetupLines } from './front-end-setup';
import { loadServedSet, StartupCheckError } from './load/served';
import { lmsProfile } from './profiles/lms';
import { type Reply, send } from './testing/http';
import { DEFAULT_PERSONAS, PLATFORM_PACT, REPO_ROOT } from './testing/start-stub';

const PACTS = path.join(REPO_ROOT, 'generated-pacts');
const SITE = 'http://apps.local.openedx.io:8080';
const CONFIG_PATH = '/api/frontend_site_config/v1/';

let running: CliRun | undefined;
let out = '';

const io: CliIo = {
  out: (text) => {
    out += text;
  },
  err: () => undefined,
  cwd: REPO_ROOT,
};

/** The stub with --tutor on free ports: the LMS's, and Studio's (generated-pacts/ holds
 *  Studio's pacts too, which --tutor would serve on 8001). */
async function startTutor(
  extra: string[] = [],
): Promise<{ port: number; url: string; studioPort: number; studioUrl: string }> {
  out = '';
  running = await startCli(
    ['--tutor', '--port', '0', '--backend-port', 'cms=0', '--pacts', PACTS, ...extra],
    io,
  );
  if (running.exitCode !== undefined) throw new Error(`the stub did not start: ${out}`);
  const studio = running.backends.find((b) => b.served.profile.provider === 'cms');
  if (!studio) throw new Error(`Studio is not served: ${out}`);
  return {
    port: running.server.port,
    url: running.server.url,
    studioPort: studio.server.port,
    studioUrl: studio.server.url,
  };
}

afterEach(async () => {
  if (running && running.exitCode === undefined) await running.stop();
  running = undefined;
});

const setCookies = (reply: Reply): string[] => reply.headers['set-cookie'] ?? [];
const cookieNamed = (reply: Reply, name: string) =>
  setCookies(reply).filter((line) => line.startsWith(`${name}=`));

describe('GET /api/frontend_site_config/v1/ (frontend-base runtime config)', () => {
  it('answers a dev server forwarding with Host local.openedx.io and no Origin, with URLs on that name', async () => {
    // Arrange
    const { port, url } = await startTutor();
    const lms = `http://local.openedx.io:${port}`;

    // Act
    const reply = await send('GET', `${url}${CONFIG_PATH}?timestamp=1764633600123`, {
      Host: `local.openedx.io:${port}`,
      Accept: 'application/json',
    });

    // Assert
    expect(reply.status).toBe(200);
    expect(reply.json()).toMatchObject({
      lmsBaseUrl: lms,
      loginUrl: `${lms}/login`,
      logoutUrl: `${lms}/logout`,
      externalRoutes: [{ role: 'org.openedx.frontend.role.logout', url: `${lms}/logout` }],
      refreshAccessTokenApiPath: '/login_refresh',
    });
    expect(reply.json()).not.toHaveProperty('baseUrl');
    expect(reply.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers a production build (no query) and a site on any local.openedx.io subdomain with credentialed CORS', async () => {
    // Arrange
    const { url, port } = await startTutor();

    // Act
    const fromSite = await send('GET', `${url}${CONFIG_PATH}`, {
      Origin: SITE,
      Accept: 'application/json',
    });
    const fromOtherSubdomain = await send('GET', `${url}${CONFIG_PATH}?timestamp=1`, {
      Origin: 'http://learning.local.openedx.io:2000',
      Accept: 'application/json',
    });
    const fromElsewhere = await send('GET', `${url}${CONFIG_PATH}?timestamp=1`, {
      Origin: 'http://local.openedx.io.evil.example:8080',
      Accept: 'application/json',
    });

    // Assert
    expect(fromSite.status).toBe(200);
    expect(fromSite.headers['access-control-allow-origin']).toBe(SITE);
    expect(fromSite.headers['access-control-allow-credentials']).toBe('true');
    // Reached as 127.0.0.1: the URLs say 127.0.0.1, where the request went.
    expect(fromSite.json().lmsBaseUrl).toBe(`http://127.0.0.1:${port}`);
    expect(fromOtherSubdomain.headers['access-control-allow-origin']).toBe(
      'http://learning.local.openedx.io:2000',
    );
    expect(fromElsewhere.status).toBe(200);
    expect(fromElsewhere.headers['access-control-allow-origin']).toBeUndefined();
  });

  it('answers 404 with an explanation for a query no contract has', async () => {
    // Arrange
    const { url } = await startTutor();

    // Act
    const reply = await send('GET', `${url}${CONFIG_PATH}?timestamp=soon`, {
      Accept: 'application/json',
    });

    // Assert
    expect(reply.status).toBe(404);
    expect(reply.text).toContain('timestamp');
  });
});

describe('--cookie-domain and --tutor cookies', () => {
  it('scopes the session and JWT cookies to .local.openedx.io at login and refresh when reached as local.openedx.io', async () => {
    // Arrange
    const { url, port } = await startTutor();
    const host = { Host: `local.openedx.io:${port}` };

    // Act
    const login = await send(
      'GET',
      `${url}/login?persona=verified-learner&next=${encodeURIComponent(`${SITE}/learner-dashboard/`)}`,
      host,
    );
    const session = (cookieNamed(login, 'lms-stub-session')[0] ?? '').split(';')[0] as string;
    const refresh = await send('POST', `${url}/login_refresh`, {
      ...host,
      Origin: SITE,
      Cookie: session,
    });

    // Assert
    expect(login.status).toBe(302);
    expect(login.headers.location).toBe(`${SITE}/learner-dashboard/`);
    expect(cookieNamed(login, 'edx-jwt-cookie-header-payload')).toEqual([
      expect.stringMatching(/; Path=\/; Domain=\.local\.openedx\.io; Max-Age=3600;/),
    ]);
    expect(cookieNamed(login, 'lms-stub-session')).toEqual([
      expect.stringMatching(/; Path=\/; Domain=\.local\.openedx\.io; HttpOnly/),
    ]);
    expect(refresh.status).toBe(200);
    expect(cookieNamed(refresh, 'edx-jwt-cookie-header-payload')).toEqual([
      expect.stringMatching(/; Domain=\.local\.openedx\.io;/),
    ]);
    expect(out).toMatch(/minted JWT cookie satisfies the Set-Cookie matcher of \d+ login_refresh/);
  });

  it('keeps cookies host-only for a browser that reaches the stub as localhost (it would drop the Domain)', async () => {
    // Arrange
    const { url, port } = await startTutor();

    // Act
    const login = await send('GET', `${url}/login?persona=verified-learner`, {
      Host: `localhost:${port}`,
    });

    // Assert
    expect(login.status).toBe(200);
    const jwt = cookieNamed(login, 'edx-jwt-cookie-header-payload');
    expect(jwt).toHaveLength(1);
    expect(jwt[0]).not.toContain('Domain=');
  });

  it('clears the cookies on the domain and host-only at logout', async () => {
    // Arrange
    const { url, port } = await startTutor();

    // Act
    const logout = await send(
      'GET',
      `${url}/logout?redirect_url=${encodeURIComponent(`${SITE}/`)}`,
      { Host: `local.openedx.io:${port}` },
    );

    // Assert
    expect(logout.status).toBe(302);
    for (const name of ['edx-jwt-cookie-header-payload', 'lms-stub-session']) {
      const cleared = cookieNamed(logout, name);
      expect(cleared).toHaveLength(2);
      expect(cleared.every((line) => line.includes('Max-Age=0'))).toBe(true);
      expect(cleared.filter((line) => line.includes('; Domain=.local.openedx.io;'))).toHaveLength(
        1,
      );
    }
  });

  it('checks the cookie minted with the Domain against the login_refresh Set-Cookie contract', () => {
    // Arrange: a contract whose Set-Cookie may not carry a Domain.
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lms-stub-cookie-'));
    const pact = JSON.parse(fs.readFileSync(PLATFORM_PACT, 'utf8'));
    let rules = 0;
    for (const interaction of pact.interactions) {
      const setCookie = interaction.response?.matchingRules?.header?.['Set-Cookie'];
      if (!setCookie) continue;
      setCookie.matchers[0].regex = '^edx-jwt-cookie-header-payload=[^;]+; Path=/; Max-Age=.*$';
      rules += 1;
    }
    fs.writeFileSync(path.join(dir, 'no-domain.json'), JSON.stringify(pact));
    const load = (cookieDomain?: string) =>
      loadServedSet({
        pacts: [dir],
        personasFile: DEFAULT_PERSONAS,
        profile: lmsProfile,
        ...(cookieDomain && { cookieDomain }),
        cwd: REPO_ROOT,
      });

    try {
      // Act + Assert
      expect(rules).toBeGreaterThan(0);
      expect(load().startupCheck?.checked).toBe(rules);
      expect(() => load('.local.openedx.io')).toThrow(StartupCheckError);
      expect(() => load('.local.openedx.io')).toThrow(/\(Domain=\.local\.openedx\.io\)/);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("Studio in Tutor's layout", () => {
  it('answers as studio.local.openedx.io on its port, and the runtime config and banner name it there', async () => {
    // Arrange
    const { port, url, studioPort, studioUrl } = await startTutor();
    const studio = `http://studio.local.openedx.io:${studioPort}`;

    // Act
    const login = await send('GET', `${url}/login?persona=staff`, {
      Host: `local.openedx.io:${port}`,
    });
    const session = (cookieNamed(login, 'lms-stub-session')[0] ?? '').split(';')[0] as string;
    const home = await send('GET', `${studioUrl}/api/contentstore/v1/home`, {
      Host: `studio.local.openedx.io:${studioPort}`,
      Origin: 'http://apps.local.openedx.io:2001',
      Cookie: session,
      'USE-JWT-COOKIE': 'true',
    });
    const config = await send('GET', `${url}/api/mfe_config/v1?mfe=course-authoring`, {
      Host: `local.openedx.io:${port}`,
      Accept: 'application/json',
    });

    // Assert
    expect(home.status).toBe(200);
    expect(home.headers['access-control-allow-origin']).toBe('http://apps.local.openedx.io:2001');
    expect(config.json()).toMatchObject({
      LMS_BASE_URL: `http://local.openedx.io:${port}`,
      STUDIO_BASE_URL: studio,
    });
    expect(out).toContain(`Studio (CMS) stub serving at ${studioUrl} (also ${studio})`);
    expect(out).toContain(`    STUDIO_BASE_URL=${studio}`);
  });

  it("serves Studio on Tutor's port 8001 unless told otherwise", () => {
    // Arrange
    const config = parseConfig(['--tutor']);

    // Act
    const studio = portOf(config, cmsProfile);

    // Assert
    expect(studio).toBe(8001);
    expect(portOf(parseConfig(['--tutor', '--backend-port', 'cms=0']), cmsProfile)).toBe(0);
    expect(portOf(parseConfig([]), cmsProfile)).toBe(18010);
  });
});

describe('--tutor and --cookie-domain options', () => {
  it('sets the Tutor layout, and explicit flags win', () => {
    // Act
    const preset = parseConfig(['--tutor']);
    const overridden = parseConfig([
      '--tutor',
      '--port',
      '0',
      '--cookie-domain',
      'example.test',
      '--origin',
      'http://localhost:3000',
    ]);

    // Assert
    expect(preset).toMatchObject({
      tutor: true,
      host: '127.0.0.1',
      port: 8000,
      cookieDomain: '.local.openedx.io',
      allowedHosts: ['local.openedx.io', 'studio.local.openedx.io'],
      origins: ['http://apps.local.openedx.io:*', 'http://*.local.openedx.io:*'],
    });
    expect(overridden).toMatchObject({
      port: 0,
      cookieDomain: '.example.test',
      origins: [
        'http://apps.local.openedx.io:*',
        'http://*.local.openedx.io:*',
        'http://localhost:3000',
      ],
    });
    expect(parseConfig([])).toMatchObject({
      tutor: false,
      port: 18000,
      cookieDomain: undefined,
      allowedHosts: [],
    });
  });

  it.each([
    ['http://local.openedx.io'],
    ['localhost'],
    ['127.0.0.1'],
    ['local.openedx.io:8000'],
    ['.'],
  ])('refuses --cookie-domain %s with a message naming the flag', async (value) => {
    // Act
    let err = '';
    const result = await startCli(['--cookie-domain', value], {
      ...io,
      err: (text) => {
        err += text;
      },
    });

    // Assert
    expect(result.exitCode).toBe(1);
    expect(err).toContain(`--cookie-domain: '${value}' is not a cookie domain`);
  });
});

describe('the banner for both kinds of front end', () => {
  it('says "nothing" for front ends with Tutor defaults on the preset port', () => {
    // Act
    const lines = frontEndSetupLines({
      lms: 'http://local.openedx.io:8000',
      port: 8000,
      tutor: true,
      cookieDomain: '.local.openedx.io',
    }).join('\n');

    // Assert
    expect(lines).toContain('A frontend-base site (site.config.dev.tsx): nothing');
    expect(lines).toContain(
      'A frontend-platform MFE: nothing, if its .env.development says LMS_BASE_URL=http://local.openedx.io:8000',
    );
    expect(lines).toContain('Domain=.local.openedx.io');
  });

  it('warns that a --cookie-domain the printed address is not in leaves the cookies host-only', () => {
    // Act
    const lines = frontEndSetupLines({
      lms: 'http://localhost:18000',
      port: 18000,
      tutor: false,
      cookieDomain: '.example.test',
    }).join('\n');

    // Assert
    expect(lines).toContain(
      'Login cookies are scoped to Domain=.example.test only for requests that reach the stub by a name inside it;',
    );
    expect(lines).toContain('reached as localhost, as the lines below do, they stay host-only.');
  });

  it('prints .env.private lines and site.config.dev.tsx fields otherwise', async () => {
    // Act
    out = '';
    running = await startCli(['--port', '0', '--backend-port', 'cms=0', '--pacts', PACTS], io);
    if (running.exitCode !== undefined) throw new Error(out);
    const lms = `http://localhost:${running.server.port}`;

    // Assert
    for (const line of [
      `    LMS_BASE_URL=${lms}\n`,
      `    MFE_CONFIG_API_URL=${lms}/api/mfe_config/v1\n`,
      "    baseUrl: 'http://localhost:8080',\n",
      `    lmsBaseUrl: '${lms}',\n`,
      `    loginUrl: '${lms}/login',\n`,
      `    logoutUrl: '${lms}/logout',\n`,
      `    externalRoutes: [{ role: 'org.openedx.frontend.role.logout', url: '${lms}/logout' }],\n`,
      `    runtimeConfigJsonUrl: '${lms}${CONFIG_PATH}',\n`,
    ]) {
      expect(out).toContain(line);
    }
  });
});
