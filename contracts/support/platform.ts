/**
 * A strictly typed facade over the real @edx/frontend-platform exports the contracts drive.
 * frontend-platform is plain JavaScript with generated .d.ts files that do not type-check, so
 * this is the one place that states the types we rely on. Nothing here reimplements the client:
 * every function is the platform's own.
 */
import * as platformAuth from '@edx/frontend-platform/auth';
import * as platformConfig from '@edx/frontend-platform/config';
import type { AxiosInstance } from 'axios';
import { JWT_COOKIE_NAME } from '../../vocabulary/openedx/jwt';

/** The user object frontend-platform builds from the JWT cookie (and hydration). */
export interface AuthenticatedUser {
  userId: number | string;
  username: string;
  email?: string;
  name?: string;
  administrator: boolean;
  roles: string[];
  [hydratedField: string]: unknown;
}

/** The config keys AxiosJwtAuthService requires (it checks them with PropTypes). */
export interface AuthConfig {
  BASE_URL: string;
  LMS_BASE_URL: string;
  LOGIN_URL: string;
  LOGOUT_URL: string;
  REFRESH_ACCESS_TOKEN_ENDPOINT: string;
  ACCESS_TOKEN_COOKIE_NAME: string;
  CSRF_TOKEN_API_PATH: string;
  [key: string]: unknown;
}

interface PlatformAuth {
  AxiosJwtAuthService: unknown;
  configure(
    authService: unknown,
    options: { config: AuthConfig; loggingService: LoggingService },
  ): unknown;
  fetchAuthenticatedUser(): Promise<AuthenticatedUser | null>;
  ensureAuthenticatedUser(redirectUrl?: string): Promise<AuthenticatedUser>;
  hydrateAuthenticatedUser(): Promise<void>;
  getAuthenticatedUser(): AuthenticatedUser | null;
  getAuthenticatedHttpClient(options?: { useCache?: boolean }): AxiosInstance;
  getHttpClient(options?: { useCache?: boolean }): AxiosInstance;
  getLoginRedirectUrl(redirectUrl: string): string;
}

interface PlatformConfig {
  getConfig(): AuthConfig & Record<string, unknown>;
  mergeConfig(config: Record<string, unknown>): void;
}

export const auth = platformAuth as unknown as PlatformAuth;
export const { getConfig, mergeConfig } = platformConfig as unknown as PlatformConfig;

/** What the platform reports through its logging service; tests assert on it. */
export interface LoggingService {
  logError(error: unknown, attributes?: unknown): void;
  logInfo(message: unknown, attributes?: unknown): void;
  setCustomAttribute(name: string, value: unknown): void;
}

export interface RecordingLoggingService extends LoggingService {
  errors: unknown[];
  infos: unknown[];
}

export function recordingLoggingService(): RecordingLoggingService {
  const errors: unknown[] = [];
  const infos: unknown[] = [];
  return {
    errors,
    infos,
    logError: (error) => errors.push(error),
    logInfo: (message) => infos.push(message),
    setCustomAttribute: () => undefined,
  };
}

/** The JWT cookie's name is the shared Open edX vocabulary's (vocabulary/openedx/jwt.ts). */
export { JWT_COOKIE_NAME };
export const CSRF_TOKEN_API_PATH = '/csrf/api/v1/token';

/**
 * Points the platform at an LMS (the Pact mock server in contracts) and configures the real
 * AxiosJwtAuthService, as `initialize()` does in an MFE. A fresh service also means fresh JWT
 * and CSRF caches, so each test starts from a clean client.
 */
export function configurePlatformFor(
  lmsBaseUrl: string,
  overrides: Partial<AuthConfig> = {},
): RecordingLoggingService {
  const loggingService = recordingLoggingService();
  mergeConfig({
    BASE_URL: window.location.origin,
    LMS_BASE_URL: lmsBaseUrl,
    LOGIN_URL: `${lmsBaseUrl}/login`,
    LOGOUT_URL: `${lmsBaseUrl}/logout`,
    REFRESH_ACCESS_TOKEN_ENDPOINT: `${lmsBaseUrl}/login_refresh`,
    ACCESS_TOKEN_COOKIE_NAME: JWT_COOKIE_NAME,
    CSRF_TOKEN_API_PATH,
    ...overrides,
  });
  auth.configure(auth.AxiosJwtAuthService, { config: getConfig(), loggingService });
  return loggingService;
}

interface InitializeOptions {
  messages: unknown[];
  requireAuthenticatedUser?: boolean;
  hydrateAuthenticatedUser?: boolean;
  handlers?: {
    config?: () => void | Promise<void>;
    initError?: (error: unknown) => void | Promise<void>;
  };
}

/** frontend-platform's boot sequence, exactly as an MFE's index.jsx calls it. Loaded lazily:
 *  the package root pulls React and the i18n stack, which only boot contracts need. */
export async function initialize(options: InitializeOptions): Promise<void> {
  const platform = (await import('@edx/frontend-platform')) as unknown as {
    initialize(options: InitializeOptions): Promise<void>;
  };
  await platform.initialize(options);
}
