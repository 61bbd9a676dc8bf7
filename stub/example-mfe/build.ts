/**
 * Builds the example MFE with esbuild, the way @openedx/frontend-build's webpack config builds a
 * real MFE: configuration is compiled in as `process.env.KEY` (frontend-platform's config.js reads
 * exactly that), `env.config` is aliased to the MFE's own module, and Paragon's CSS is bundled.
 *
 * Env precedence, as frontend-build's: explicit `env` option > shell variables > `.env.private`
 * > `.env.development`. Only keys declared in `.env.development` are compiled in, so a stray
 * shell variable never ends up in the bundle.
 *
 * Standalone: `npx tsx stub/example-mfe/build.ts` writes dist/example-mfe/.
 */
import { copyFile, mkdir, readFile, rm } from 'node:fs/promises';
import path from 'node:path';
import { parseEnv } from 'node:util';
import { build, type Plugin } from 'esbuild';

export const EXAMPLE_MFE_DIR = __dirname;
export const DEFAULT_OUT_DIR = path.resolve(__dirname, '../../dist/example-mfe');
const ENV_FILE = path.join(EXAMPLE_MFE_DIR, '.env.development');
const PRIVATE_ENV_FILE = path.join(EXAMPLE_MFE_DIR, '.env.private');

export interface BuildOptions {
  /** Where to write index.html, index.js and index.css. Defaults to dist/example-mfe. */
  outDir?: string;
  /** Config values that win over everything else (tests point the MFE at their own ports). */
  env?: Record<string, string>;
  /** `production` (default: minified React, as deployed) or `development`. */
  mode?: 'production' | 'development';
}

export interface BuildResult {
  outDir: string;
  /** The configuration compiled into the bundle. */
  env: Record<string, string>;
}

async function readEnvFile(file: string): Promise<Record<string, string> | undefined> {
  try {
    return parseEnv(await readFile(file, 'utf8')) as Record<string, string>;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw error;
  }
}

/** The configuration the bundle gets, resolved with frontend-build's precedence. */
export async function resolveExampleMfeEnv(
  overrides: Record<string, string> = {},
  shell: NodeJS.ProcessEnv = process.env,
): Promise<Record<string, string>> {
  const declared = await readEnvFile(ENV_FILE);
  if (!declared) {
    throw new Error(
      `[example-mfe] Failed to build: ${path.relative(process.cwd(), ENV_FILE)} is missing. Restore it from git.`,
    );
  }
  const privateEnv = (await readEnvFile(PRIVATE_ENV_FILE)) ?? {};
  for (const key of Object.keys(overrides)) {
    if (!(key in declared)) {
      throw new Error(
        `[example-mfe] Failed to build: ${key} is not declared in stub/example-mfe/.env.development. Declare it there (an empty value is fine) or drop it.`,
      );
    }
  }
  const resolved: Record<string, string> = {};
  for (const [key, fileValue] of Object.entries(declared)) {
    resolved[key] = overrides[key] ?? shell[key] ?? privateEnv[key] ?? fileValue;
  }
  return resolved;
}

/**
 * Paragon's JavaScript imports one Sass module for its `:export` block of grid breakpoints
 * (dist/utils/breakpoints.js), which webpack's css-loader turns into an object. Without Sass in
 * the build, an empty object makes Paragon fall back to the same numbers it hard-codes.
 */
const sassModuleExportsAsEmptyObject: Plugin = {
  name: 'sass-module-exports',
  setup(pluginBuild) {
    pluginBuild.onLoad({ filter: /\.module\.scss$/ }, () => ({
      contents: 'export default {};',
      loader: 'js',
    }));
  },
};

export async function buildExampleMfe(options: BuildOptions = {}): Promise<BuildResult> {
  const outDir = options.outDir ?? DEFAULT_OUT_DIR;
  const mode = options.mode ?? 'production';
  const env = await resolveExampleMfeEnv(options.env);

  const define: Record<string, string> = {
    // Any other process.env.X the platform reads is undefined, as with webpack's DefinePlugin.
    'process.env': '{}',
    'process.env.NODE_ENV': JSON.stringify(mode),
    // frontend-build defines PARAGON_THEME from the installed Paragon; it is only read when
    // PARAGON_THEME_URLS is set, to substitute versions into theme URLs.
    PARAGON_THEME: '{}',
    // webpack 5 (node.global: true, its default) rewrites Node's `global`, and the platform's
    // login and logout redirects call `global.location.assign` (auth/AxiosJwtAuthService.js).
    global: 'globalThis',
  };
  for (const [key, value] of Object.entries(env))
    define[`process.env.${key}`] = JSON.stringify(value);

  await rm(outDir, { recursive: true, force: true });
  await mkdir(outDir, { recursive: true });
  await build({
    entryPoints: { index: path.join(EXAMPLE_MFE_DIR, 'src/index.tsx') },
    bundle: true,
    outdir: outDir,
    format: 'esm',
    platform: 'browser',
    target: 'es2022',
    jsx: 'automatic',
    minify: mode === 'production',
    sourcemap: true,
    define,
    loader: { '.svg': 'dataurl' },
    plugins: [sassModuleExportsAsEmptyObject],
    alias: { 'env.config': path.join(EXAMPLE_MFE_DIR, 'src/env.config.ts') },
    logLevel: 'warning',
  });
  await copyFile(path.join(EXAMPLE_MFE_DIR, 'index.html'), path.join(outDir, 'index.html'));
  return { outDir, env };
}

if (require.main === module) {
  buildExampleMfe().then(
    ({ outDir, env }) => {
      console.log(
        `[example-mfe] Built ${path.relative(process.cwd(), outDir)}/ for LMS_BASE_URL=${env.LMS_BASE_URL}`,
      );
    },
    (error: unknown) => {
      console.error(error instanceof Error ? error.message : error);
      process.exitCode = 1;
    },
  );
}
