/**
 * Points the platform at Studio (the CMS) as the course-authoring MFE sees it: STUDIO_BASE_URL
 * is the Pact mock server, the user already holds the JWT cookie the LMS minted (Studio reads
 * the same cookie), and the LMS sits at an address where nothing answers, so a contract that
 * reached the LMS by mistake (a refresh, a CSRF token) fails instead of passing unnoticed.
 */
import { seedJwtCookie } from './jwt';
import { configurePlatformFor, type RecordingLoggingService } from './platform';
import type { UserParams } from './states';

/** Port 9 (discard) on the loopback: connections are refused, so a stray LMS call fails. */
export const UNREACHABLE_LMS = 'http://127.0.0.1:9';

export function browseStudioAs(user: UserParams, studioBaseUrl: string): RecordingLoggingService {
  const logging = configurePlatformFor(UNREACHABLE_LMS, { STUDIO_BASE_URL: studioBaseUrl });
  seedJwtCookie(user);
  return logging;
}
