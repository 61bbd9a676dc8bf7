/**
 * The backend profiles the stub knows (stub/profiles/types.ts). Adding a backend is a module
 * of its own and one line in PROFILES; a provider with no profile here is served with the
 * generic one.
 */
import { cmsProfile } from '../cms/profile';
import { genericProfile } from './generic';
import { lmsProfile } from './lms';
import { pactBrokerProfile } from './pact-broker';
import type { BackendProfile } from './types';

export { genericProfile } from './generic';
export type {
  BackendProfile,
  BannerInput,
  ProfileRoutes,
  RouteDeps,
  RouteRequest,
  StartupCheck,
} from './types';

/** Every backend with a profile of its own, in the order the banner lists them. */
export const PROFILES: readonly BackendProfile[] = [lmsProfile, cmsProfile, pactBrokerProfile];

/** The profile of a provider: its own, or the generic one. */
export function profileFor(provider: string): BackendProfile {
  return PROFILES.find((profile) => profile.provider === provider) ?? genericProfile(provider);
}
