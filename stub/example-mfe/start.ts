/**
 * `npm run example-mfe`: builds the example MFE from its env settings and serves it on
 * http://localhost:2999 (or --port), ready to be opened against a running stub.
 */
import { parseArgs } from 'node:util';
import { buildExampleMfe } from './build';
import { DEFAULT_MFE_PORT, serveExampleMfe } from './serve';

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: String(DEFAULT_MFE_PORT) },
      host: { type: 'string', default: '127.0.0.1' },
    },
  });
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65_535) {
    throw new Error(`[example-mfe] Failed to start: --port ${values.port} is not a port number.`);
  }
  const { outDir, env } = await buildExampleMfe();
  const mfe = await serveExampleMfe({ dir: outDir, port, host: values.host });
  console.log(`[example-mfe] Serving ${mfe.url}/`);
  console.log(
    `[example-mfe] LMS_BASE_URL=${env.LMS_BASE_URL} MFE_CONFIG_API_URL=${env.MFE_CONFIG_API_URL || '(none)'}`,
  );
  const stop = () => {
    mfe.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
