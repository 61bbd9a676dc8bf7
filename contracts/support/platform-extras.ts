/**
 * Typed facades over the parts of @edx/frontend-platform that the MFE clients use besides auth
 * and config: the key-case helpers every MFE applies to LMS answers, and the analytics service
 * whose `sendTrackingLogEvent` posts to the LMS's `/event`. Same rule as platform.ts: nothing
 * here reimplements the platform; every function is its own.
 */
import * as platformAnalytics from '@edx/frontend-platform/analytics';
import * as platformUtils from '@edx/frontend-platform/utils';
import { auth, getConfig, type LoggingService } from './platform';

interface PlatformUtils {
  camelCaseObject<T = Record<string, unknown>>(object: unknown): T;
  snakeCaseObject<T = Record<string, unknown>>(object: unknown): T;
}

export const { camelCaseObject, snakeCaseObject } = platformUtils as unknown as PlatformUtils;

interface PlatformAnalytics {
  SegmentAnalyticsService: unknown;
  configure(
    service: unknown,
    options: {
      config: Record<string, unknown>;
      httpClient: unknown;
      loggingService: LoggingService;
    },
  ): unknown;
  sendTrackingLogEvent(eventName: string, properties: Record<string, unknown>): Promise<unknown>;
}

const analytics = platformAnalytics as unknown as PlatformAnalytics;

/**
 * Configures the platform's real SegmentAnalyticsService as `initialize()` does (its http client
 * is the authenticated one). With no SEGMENT_KEY it loads no Segment script: only the tracking
 * log call to the LMS remains, which is what the contracts describe.
 */
export function configureAnalytics(loggingService: LoggingService): void {
  analytics.configure(analytics.SegmentAnalyticsService, {
    config: getConfig(),
    httpClient: auth.getAuthenticatedHttpClient(),
    loggingService,
  });
}

export const sendTrackingLogEvent = (eventName: string, properties: Record<string, unknown>) =>
  analytics.sendTrackingLogEvent(eventName, properties);
