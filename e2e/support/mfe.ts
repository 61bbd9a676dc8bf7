/**
 * Builds the example MFE for the ports a test chose and serves it in the test's own process.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildExampleMfe } from '../../stub/example-mfe/build';
import { type RunningMfe, serveExampleMfe } from '../../stub/example-mfe/serve';
import { freePort } from './ports';

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

/** Builds into a temporary folder (removed on close) and serves on a free port. */
export async function startExampleMfe(env: Record<string, string>): Promise<ExampleMfe> {
  const port = await freePort();
  const outDir = await mkdtemp(path.join(tmpdir(), 'example-mfe-'));
  const build = await buildExampleMfe({
    outDir,
    env: { BASE_URL: `http://localhost:${port}`, ...env },
  });
  const served = await serveExampleMfe({ dir: outDir, port });
  return {
    ...served,
    env: build.env,
    close: async () => {
      await served.close();
      await rm(outDir, { recursive: true, force: true });
    },
  };
}
