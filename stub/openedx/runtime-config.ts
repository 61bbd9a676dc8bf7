/**
 * The LMS's runtime config (`GET /api/mfe_config/v1`) names Studio: its `STUDIO_BASE_URL` is a
 * ProviderState generator over the `studio_base_url` parameter of `the MFE config API is
 * enabled`. A real LMS's state handler answers its own CMS_BASE_URL; the stub answers the URL of
 * the Studio it serves, so an MFE that reads the runtime config calls the Studio stub on
 * whatever port (or Tutor name) it runs. With no Studio served, it names where Studio would be:
 * devstack's port, or Tutor's Studio with --tutor.
 */
import { STATES } from '../../vocabulary/openedx/states';
import type { PersonaStates } from '../engine';
import { tutorStudioUrl } from '../tutor-preset';
import type { PersonaCatalog } from './personas';

/** The CMS's devstack port, which frontend-app-authoring's .env.development names. */
export const DEVSTACK_STUDIO_PORT = 18010;

/** Where the backends of one stub are, as front ends reach them. */
export interface Deployment {
  /** Front-end URL of each backend served, by provider (`cms` → `http://localhost:18010`). */
  urls: ReadonlyMap<string, string>;
  /** Tutor's dev layout (--tutor): a backend not served is named by its Tutor address. */
  tutor: boolean;
}

/** Studio's URL as the LMS's runtime config names it. */
export function studioBaseUrl({ urls, tutor }: Deployment): string {
  return urls.get('cms') ?? (tutor ? tutorStudioUrl() : `http://localhost:${DEVSTACK_STUDIO_PORT}`);
}

/** The persona file's states, with `studio_base_url` in every set of the runtime config's
 *  state. */
export function withStudioBaseUrl(catalog: PersonaCatalog, studio: string): PersonaStates {
  return {
    personas: catalog.personas,
    defaultPersona: catalog.defaultPersona,
    isPersonaState: catalog.isPersonaState,
    satisfiedBy: (name) => {
      const satisfied = new Map(catalog.satisfiedBy(name));
      const sets = satisfied.get(STATES.mfeConfigApiEnabled);
      if (sets)
        satisfied.set(
          STATES.mfeConfigApiEnabled,
          sets.map((set) => ({ ...set, studio_base_url: studio })),
        );
      return satisfied;
    },
  };
}
