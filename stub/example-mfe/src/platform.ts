/**
 * The example MFE's typed view of @edx/frontend-platform. The platform is plain JavaScript whose
 * generated .d.ts files are loose (AuthenticatedPageRoute declares no children, initialize takes
 * `any`), so this module states the types the MFE relies on. Every value is the platform's own:
 * nothing here reimplements it.
 */
import {
  APP_INIT_ERROR as platformAppInitError,
  APP_READY as platformAppReady,
  getConfig as platformGetConfig,
  initialize as platformInitialize,
  mergeConfig as platformMergeConfig,
  subscribe as platformSubscribe,
} from '@edx/frontend-platform';
import {
  getAuthenticatedHttpClient as platformGetAuthenticatedHttpClient,
  redirectToLogout as platformRedirectToLogout,
} from '@edx/frontend-platform/auth';
import {
  AppContext as platformAppContext,
  AppProvider as platformAppProvider,
  AuthenticatedPageRoute as platformAuthenticatedPageRoute,
  ErrorPage as platformErrorPage,
} from '@edx/frontend-platform/react';
import type { AxiosInstance } from 'axios';
import type { ComponentType, Context, ReactNode } from 'react';

/** The user the platform builds from the JWT cookie, then hydrates with the LMS account
 *  (camelCased `GET /api/user/v1/accounts/{username}` fields are merged over it). */
export interface AuthenticatedUser {
  userId: number | string;
  username: string;
  email?: string;
  name?: string;
  administrator: boolean;
  roles: string[];
  /** Only after hydration: the account API's `date_joined`. */
  dateJoined?: string;
  [hydratedField: string]: unknown;
}

/** The config keys the example MFE reads (frontend-platform's config document is open-ended). */
export interface MfeConfig {
  APP_ID?: string;
  BASE_URL?: string;
  SITE_NAME?: string;
  LMS_BASE_URL: string;
  LOGIN_URL: string;
  LOGOUT_URL: string;
  REFRESH_ACCESS_TOKEN_ENDPOINT: string;
  ACCESS_TOKEN_COOKIE_NAME: string;
  CSRF_TOKEN_API_PATH: string;
  MFE_CONFIG_API_URL?: string;
  [key: string]: unknown;
}

export interface AppContextValue {
  authenticatedUser: AuthenticatedUser | null;
  config: MfeConfig;
}

export interface InitializeOptions {
  messages: unknown[];
  requireAuthenticatedUser?: boolean;
  hydrateAuthenticatedUser?: boolean;
  handlers?: {
    config?: () => void | Promise<void>;
  };
}

export const APP_READY = platformAppReady as string;
export const APP_INIT_ERROR = platformAppInitError as string;

export const initialize = platformInitialize as (options: InitializeOptions) => Promise<void>;
export const subscribe = platformSubscribe as <T = unknown>(
  topic: string,
  callback: (topic: string, data: T) => void,
) => string;
export const getConfig = platformGetConfig as () => MfeConfig;
export const mergeConfig = platformMergeConfig as (config: Record<string, unknown>) => void;

export const getAuthenticatedHttpClient = platformGetAuthenticatedHttpClient as () => AxiosInstance;
export const redirectToLogout = platformRedirectToLogout as (redirectUrl: string) => void;

export const AppContext = platformAppContext as unknown as Context<AppContextValue>;
export const AppProvider = platformAppProvider as unknown as ComponentType<{
  children: ReactNode;
}>;
export const AuthenticatedPageRoute = platformAuthenticatedPageRoute as unknown as ComponentType<{
  children: ReactNode;
}>;
export const ErrorPage = platformErrorPage as unknown as ComponentType<{ message?: string }>;
