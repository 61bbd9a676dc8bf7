/**
 * Builds the example MFE for the ports a test chose and serves it in the test's own process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExampleMfe } from '../example-mfe/build';
import { type RunningMfe, serveExampleMfe } from '../example-mfe/serve';
import { freePort } from '../server/free-port';

/** The env settings that point an MFE at an LMS base URL, as an MFE's .env file spells them. */
export function lmsEnv(
  lmsBaseUrl: string,
  options: { runtimeConfig: boolean },
): Record<string, string> {
  return {
    LMS_BASE_URL: lmsBaseUrl,
    LOGIN_URL: `${lmsBaseUrl}/login`,
    LOGOUT_URL: `${lmsBaseUrl}/logout`,
    REFRESH_ACCESS_TOKEN_ENDPOINT: `${lmsBaseUrl}/login_refresh`,
    MFE_CONFIG_API_URL: options.runtimeConfig ? `${lmsBaseUrl}/api/mfe_config/v1` : '',
  };
}

export interface ExampleMfe extends RunningMfe {
  env: Record<string, string>;
}

/**
 * Builds into a temporary folder (removed on close) and serves on a free port. `host` defaults to
 * 127.0.0.1, opened as http://localhost:<port>; another loopback address (127.0.0.2) gives the
 * MFE an origin the stub does not allow.
 */
export async function startExampleMfe(
  env: Record<string, string>,
  options: { host?: string } = {},
): Promise<ExampleMfe> {
  const host = options.host ?? '127.0.0.1';
  const port = await freePort();
  const outDir = await mkdtemp(path.join(tmpdir(), 'example-mfe-'));
  const origin = `http://${host === '127.0.0.1' ? 'localhost' : host}:${port}`;
  const build = await buildExampleMfe({ outDir, env: { BASE_URL: origin, ...env } });
  const served = await serveExampleMfe({ dir: outDir, port, host });
  return {
    ...served,
    env: build.env,
    close: async () => {
      await served.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
