/**
 * The LMS's account forms, as the authn MFE's login and registration pages send them: which
 * provider state a real form submit is in, decided from what the form says, and whom it logs in.
 *
 * The contracts of these calls hold in request states ("an account exists with the login
 * credentials", "the login credentials are wrong", ...): no persona says what a password is, and
 * a browser never sends `X-Pact-Provider-State`. A real LMS decides by looking the account up;
 * the stub does the same with its persona file:
 *  - `POST /api/user/v2/account/login_session/`: the form's `email_or_username` names a
 *    persona's user (its email or username) and its password is PERSONA_PASSWORD → "an account
 *    exists with the login credentials" (200), and the answer logs the browser in as that persona
 *    (the same session and JWT cookies as `/login?persona=`); anything else → "the login
 *    credentials are wrong" (400, `incorrect-email-or-password`).
 *  - `POST /api/user/v2/account/registration/`: the form's email or username is a persona's →
 *    "an account already uses the registration username and email" (409, with that persona's
 *    values); otherwise "the registration creates an account" (200) for the registration persona
 *    (below), and the answer logs the browser in as it.
 *  - `POST /api/user/v1/validation/registration`: an email of a persona's user → "the
 *    registration fields fail validation" (its message); other fields answer from the persona
 *    tier as any request does.
 * The stub cannot create accounts: a registration logs in as the registration persona, the first
 * persona whose user is not an administrator and has no enrollment (`not-enrolled` in the default
 * file), which is what a new account looks like to every other page. Its values, not the form's,
 * fill the answer's `authenticated_user`, so the JWT cookie and the answer agree.
 * A request that names a state itself (`X-Pact-Provider-State`, `--state`) is left to the engine.
 * Browser-safe: no Node APIs.
 */
import { REQUEST_STATES } from '../../vocabulary/openedx/states';
import type { JsonValue, StateOverride, StubRequest } from '../engine';
import { parseForm } from '../engine/match-request';
import { messagePage } from './pages';
import type { Persona, PersonaCatalog } from './personas';

export const LOGIN_SESSION_PATH = '/api/user/v2/account/login_session/';
export const REGISTRATION_PATH = '/api/user/v2/account/registration/';
export const VALIDATION_PATH = '/api/user/v1/validation/registration';
export const ACCOUNT_FORM_PATHS = [LOGIN_SESSION_PATH, REGISTRATION_PATH, VALIDATION_PATH] as const;
/** Where the LMS sends the browser after a login or registration without `next`: the LMS's
 *  own dashboard page, which the stub answers with a short page saying who is logged in. */
export const LMS_DASHBOARD_PATH = '/dashboard';

/** The password of every persona's user on the login form: the Open edX devstack's. */
export const PERSONA_PASSWORD = 'edx';

export interface AccountFormDecision {
  /** The provider state the form is in, with the parameters that fill the answer. */
  state: StateOverride;
  /** The persona the answer logs the browser in as when the contract answers 200. */
  loginAs?: Persona;
  /** What was decided, for the journal and the log. */
  note: string;
}

export const isAccountFormRequest = (request: StubRequest) =>
  request.method === 'POST' && (ACCOUNT_FORM_PATHS as readonly string[]).includes(request.path);

function formOf(request: StubRequest): Record<string, string> {
  const raw = request.body;
  const text =
    raw === undefined ? '' : typeof raw === 'string' ? raw : new TextDecoder().decode(raw);
  const form: Record<string, string> = {};
  for (const [key, values] of Object.entries(parseForm(text))) form[key] = values[0] ?? '';
  return form;
}

/** The persona whose user has this email or username (emails compared without case, as the
 *  LMS looks accounts up). */
export function personaOfAccount(catalog: PersonaCatalog, who: string): Persona | undefined {
  const wanted = who.trim();
  if (wanted === '') return undefined;
  for (const persona of catalog.personas.values()) {
    const user = persona.user;
    if (!user) continue;
    if (user.username === wanted || user.email.toLowerCase() === wanted.toLowerCase())
      return persona;
  }
  return undefined;
}

/** The persona a registration logs in as: the first whose user is not an administrator and has
 *  no enrollment, i.e. looks like a brand-new account. */
export function registrationPersona(catalog: PersonaCatalog): Persona | undefined {
  for (const persona of catalog.personas.values()) {
    const user = persona.user;
    if (!user || user.administrator) continue;
    if (!catalog.enrollments.some((e) => e.username === user.username)) return persona;
  }
  return undefined;
}

/**
 * The state of a login, registration or validation form, or undefined when the stub does not
 * decide (not one of these requests, or no persona to log in as). `next` resolves the form's
 * `next` to where the LMS would send the browser: the URL when it may be followed, else the
 * LMS's dashboard.
 */
export function decideAccountForm(
  request: StubRequest,
  catalog: PersonaCatalog,
  next: (raw: string | undefined) => string,
): AccountFormDecision | undefined {
  if (!isAccountFormRequest(request)) return undefined;
  const form = formOf(request);
  if (request.path === LOGIN_SESSION_PATH) {
    const who = form.email_or_username ?? '';
    const persona = personaOfAccount(catalog, who);
    if (persona?.user && form.password === PERSONA_PASSWORD) {
      const params: Record<string, JsonValue> = {
        email_or_username: who,
        password: form.password,
        redirect_url: next(form.next),
      };
      return {
        state: { name: REQUEST_STATES.loginCredentialsRight, params },
        loginAs: persona,
        note: `login form: '${who}' is persona ${persona.name}'s user with the personas' password`,
      };
    }
    return {
      state: { name: REQUEST_STATES.loginCredentialsWrong, params: { email_or_username: who } },
      note: persona
        ? `login form: wrong password for persona ${persona.name} (every persona's is '${PERSONA_PASSWORD}')`
        : `login form: '${who}' is no persona's email or username`,
    };
  }
  if (request.path === REGISTRATION_PATH) {
    const taken =
      personaOfAccount(catalog, form.email ?? '') ?? personaOfAccount(catalog, form.username ?? '');
    if (taken?.user) {
      return {
        state: {
          name: REQUEST_STATES.registrationDuplicate,
          params: { username: taken.user.username, email: taken.user.email },
        },
        note: `registration form: persona ${taken.name}'s account already uses that email or username`,
      };
    }
    const persona = registrationPersona(catalog);
    if (!persona?.user) return undefined;
    const { username, name, user_id } = persona.user;
    return {
      state: {
        name: REQUEST_STATES.registrationCreatesAccount,
        params: { username, name, user_id, redirect_url: next(form.next) },
      },
      loginAs: persona,
      note: `registration form: the stub creates no account and logs in as persona ${persona.name}`,
    };
  }
  const taken = form.email === undefined ? undefined : personaOfAccount(catalog, form.email);
  if (!taken?.user) return undefined;
  return {
    state: { name: REQUEST_STATES.registrationFieldsInvalid, params: { email: taken.user.email } },
    note: `registration validation: persona ${taken.name}'s account already uses that email`,
  };
}

/** The stub's stand-in for the LMS's dashboard page: who the browser is logged in as. */
export function dashboardPage(persona: Persona | undefined): string {
  const who = persona?.user
    ? `You are logged in as ${persona.name} (${persona.user.username}).`
    : 'Nobody is logged in.';
  return messagePage(
    'LMS dashboard',
    `${who} The LMS's own dashboard page is not part of the stub: open an MFE, such as the learner dashboard.`,
  );
}
