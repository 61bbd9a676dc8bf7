/**
 * The LMS profile, composed from stub/openedx/: the persona file's Open edX state table, the
 * auth bootstrap (/login, /login_refresh, /logout), the static-file placeholders, the
 * `.env.private` / site.config banner lines and the start-up check of the minted JWT cookie.
 */

import { type FrontDoorAnswer, fromEngine } from '../front-door/answer';
import { frontEndSetupLines } from '../front-end-setup';
import { assetResponse, isAssetRequest } from '../openedx/assets';
import { AUTH_PATHS, checkMintedCookie, createOpenedxAuth } from '../openedx/auth';
import { studioBaseUrl, withStudioBaseUrl } from '../openedx/runtime-config';
import type { BackendProfile, ProfileRoutes, RouteDeps, RouteRequest } from './types';

const isAuthPath = (path: string) => (AUTH_PATHS as readonly string[]).includes(path);

function lmsRoutes(deps: RouteDeps): ProfileRoutes {
  const auth = createOpenedxAuth(deps);

  async function authAnswer(route: RouteRequest): Promise<FrontDoorAnswer> {
    const { request, persona, responder } = route;
    const context = {
      persona,
      baseUrl: route.baseUrl,
      ...(route.state && { state: route.state }),
      ...(route.now && { now: route.now }),
    };
    const outcome = await auth.handle(request, context, responder, route);
    // Another method on an auth path (GET /login_refresh...): the contracts decide.
    if (!outcome) return fromEngine(await responder.handle(request, context), persona);
    const answer: FrontDoorAnswer = outcome.result
      ? fromEngine(outcome.result, persona, outcome.note)
      : { response: outcome.response, record: { outcome: 'auth', persona, note: outcome.note } };
    // The bootstrap's response, not the contract's: it carries the freshly minted cookie.
    answer.response = outcome.response;
    if (outcome.session !== undefined) answer.session = outcome.session;
    return answer;
  }

  return {
    owns: isAuthPath,
    answer(route) {
      if (isAuthPath(route.request.path)) return authAnswer(route);
      if (!isAssetRequest(route.request)) return undefined;
      const asset = assetResponse(route.request);
      return asset && { response: asset, record: { outcome: 'asset', persona: route.persona } };
    },
  };
}

export const lmsProfile: BackendProfile = {
  provider: 'lms',
  title: 'LMS',
  defaultPort: 18000,
  servedByDefault: true,
  loginPath: '/login',
  // The persona file is the LMS's: its catalog already resolves the Open edX persona states;
  // the runtime config's state also names the Studio served (stub/openedx/runtime-config.ts).
  personaStates: (catalog, deployment) => withStudioBaseUrl(catalog, studioBaseUrl(deployment)),
  routes: lmsRoutes,
  bannerLines: ({ urls, port, tutor, cookieDomain }) =>
    frontEndSetupLines({ lms: urls.get('lms') as string, port, tutor, cookieDomain }),
  checkStartup(interactions, catalog, cookieDomain) {
    const { checked, failures } = checkMintedCookie(
      interactions,
      catalog,
      new Date(),
      cookieDomain,
    );
    return {
      what: 'the minted JWT cookie against the login_refresh contract',
      checked,
      failures,
      ...(checked > 0 && {
        summary: `The minted JWT cookie satisfies the Set-Cookie matcher of ${checked} login_refresh contract(s).`,
      }),
      advice:
        'The stub would hand MFEs a cookie its own contract rejects; fix vocabulary/openedx/jwt.ts (the claims), stub/openedx/jwt.ts (the cookie attributes) or the contract.',
    };
  },
};
