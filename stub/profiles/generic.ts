/**
 * The profile of a pact whose provider has no profile of its own (a foreign pact): its pacts
 * answer every request, with no login routes, no Open edX banner lines and no start-up
 * checks. The persona file still names who asks: its personas satisfy the states of the Open
 * edX vocabulary they satisfy for the LMS (a pact that uses other states serves them only when
 * a request or --state names them).
 */
import type { BackendProfile } from './types';

export function genericProfile(provider: string): BackendProfile {
  return {
    provider,
    title: `'${provider}'`,
    servedByDefault: false,
    personaStates: (catalog) => catalog,
  };
}
