/**
 * The runtime configuration step of an `@openedx/frontend-base` site, as frontend-base builds it:
 * transcribed from openedx/frontend-base at tag v1.0.1 (commit
 * 36374e69f359ceb0592f9192102261c71c675903): `runtimeConfig()` of runtime/initialize.js, the
 * `SiteConfig`/`App`/`ExternalRoute` types of types.ts and `mergeSiteConfig()` of
 * runtime/config/index.ts. frontend-base is not published on the npm registry reachable here, so
 * this typed client is what the contract drives, as the MFE clients beside it are.
 *
 * What it does, as the real one does:
 *  - resolves `runtimeConfigJsonUrl` against the page's origin (a site asks its own dev server,
 *    which forwards `/api/frontend_site_config/v1` to the LMS);
 *  - in a development build adds `?timestamp=<ms>` as a cache buster;
 *  - GETs it with `Accept: application/json`, no credentials (frontend-base uses a plain axios
 *    instance behind axios-cache-interceptor, not the authenticated client);
 *  - rejects a non-object answer, and logs and ignores any failure (the site boots on its
 *    build-time config);
 *  - merges the answer into the site config lodash-style (objects deeply, arrays by index), and
 *    for `apps` only the `config` of apps the site already registers (`limitAppMergeToConfig`).
 */
import axios from 'axios';

export enum EnvironmentTypes {
  PRODUCTION = 'production',
  DEVELOPMENT = 'development',
  TEST = 'test',
}

export interface ExternalRoute {
  role: string;
  url: string;
}

export type AppConfig = Record<string, unknown>;

/** The parts of frontend-base's `App` the runtime config touches (routes, providers and slots
 *  are code, never sent by the LMS). */
export interface App {
  appId: string;
  config?: AppConfig;
  [other: string]: unknown;
}

export interface RequiredSiteConfig {
  siteId: string;
  siteName: string;
  baseUrl: string;
  lmsBaseUrl: string;
  loginUrl: string;
  logoutUrl: string;
}

export interface OptionalSiteConfig {
  environment: EnvironmentTypes;
  cmsBaseUrl: string;
  apps: App[];
  basename: string;
  externalRoutes: ExternalRoute[];
  externalLinkUrlOverrides: string[];
  runtimeConfigJsonUrl: string | null;
  commonAppConfig: AppConfig;
  headerLogoImageUrl: string;
  accessTokenCookieName: string;
  languagePreferenceCookieName: string;
  userInfoCookieName: string;
  csrfTokenApiPath: string;
  refreshAccessTokenApiPath: string;
  segmentKey: string | null;
}

export type SiteConfig = RequiredSiteConfig & Partial<OptionalSiteConfig>;

/** The runtime config path frontend-base's dev server forwards to the LMS, and the one its
 *  shell's site.config.dev.tsx names. */
export const FRONTEND_SITE_CONFIG_PATH = '/api/frontend_site_config/v1/';

type Plain = Record<string, unknown>;
const isPlainObject = (value: unknown): value is Plain =>
  typeof value === 'object' &&
  value !== null &&
  !Array.isArray(value) &&
  Object.getPrototypeOf(value) === Object.prototype;

/** lodash.merge's rule, which frontend-base relies on: plain objects merge key by key, arrays
 *  index by index, `undefined` never overwrites, anything else replaces. A fresh value: the
 *  target is never mutated. */
function mergeValue(target: unknown, source: unknown): unknown {
  if (source === undefined) return target;
  if (Array.isArray(source)) {
    const base = Array.isArray(target) ? [...target] : [];
    source.forEach((item, index) => {
      base[index] = mergeValue(base[index], item);
    });
    return base;
  }
  if (isPlainObject(source)) {
    const base: Plain = isPlainObject(target) ? { ...target } : {};
    for (const key of Object.keys(source)) {
      if (key === '__proto__' || key === 'constructor' || key === 'prototype') continue;
      base[key] = mergeValue(base[key], source[key]);
    }
    return base;
  }
  return source;
}

/** `mergeSiteConfig(newConfig, { limitAppMergeToConfig: true })`: the rest of the config merges
 *  as usual; an app of the answer merges only its `config`, and only into an app of the same
 *  `appId` the site already has (others are ignored). */
export function mergeRuntimeConfig(current: SiteConfig, incoming: Partial<SiteConfig>): SiteConfig {
  const { apps: newApps, ...rest } = incoming;
  const merged = mergeValue(current, rest) as SiteConfig;
  if (!newApps?.length || !merged.apps?.length) return merged;
  const byId = new Map(newApps.map((app) => [app.appId, app]));
  merged.apps = merged.apps.map((app) => {
    const update = byId.get(app.appId);
    if (!update) return app;
    return { ...app, config: mergeValue(app.config ?? {}, update.config ?? {}) as AppConfig };
  });
  return merged;
}

export interface RuntimeConfigResult {
  config: SiteConfig;
  /** What frontend-base would log ("Error with config API: …"), when the step failed. */
  error?: string;
}

/**
 * Runs the runtime config step for a site config and a page origin: the config the site boots
 * with (unchanged when there is no `runtimeConfigJsonUrl` or the call failed).
 */
export async function loadRuntimeConfig(
  site: SiteConfig,
  pageOrigin: string,
  now: () => number = Date.now,
): Promise<RuntimeConfigResult> {
  try {
    const { runtimeConfigJsonUrl, environment } = site;
    if (!runtimeConfigJsonUrl) return { config: site };
    const url = new URL(runtimeConfigJsonUrl, pageOrigin);
    if (environment === EnvironmentTypes.DEVELOPMENT)
      url.searchParams.set('timestamp', String(now()));
    const { data } = await axios
      .create()
      .get<unknown>(url.toString(), { headers: { accept: 'application/json' } });
    if (!data || typeof data !== 'object' || Array.isArray(data))
      throw new TypeError('Runtime config must be a valid JSON object.');
    return { config: mergeRuntimeConfig(site, data as Partial<SiteConfig>) };
  } catch (error) {
    return { config: site, error: `Error with config API: ${(error as Error).message}` };
  }
}
