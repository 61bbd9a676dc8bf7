/**
 * Provider states of the LMS, defined once and shared by every contract, the stub (which selects
 * interactions by them) and the LMS verifier (which sets them up).
 *
 * Parameters are shaped like the Open edX test-data spec (`users:` and `enrollments:`), so the
 * LMS can create them with the same fixtures and a stub persona can satisfy them. Values that
 * depend on the state are injected into the contracts with `fromProviderState('${param}', example)`.
 *
 * Never bake an id into a state name: put it in the parameters.
 */

/** A user as the LMS's test-data spec describes it; also the claims the JWT cookie carries. */
export type UserParams = {
  username: string;
  user_id: number;
  email: string;
  name: string;
  administrator: boolean;
  roles: string[];
};

/** An enrollment as the LMS's test-data spec describes it. */
export type EnrollmentParams = {
  username: string;
  course_id: string;
  mode: 'audit' | 'verified' | 'honor' | 'professional' | 'no-id-professional' | 'masters';
};

export const STATES = {
  /** A Django session exists for the user: /login_refresh mints their JWT cookie. */
  userLoggedIn: 'a user is logged in',
  /** No session: /login_refresh answers 401 and authenticated pages redirect to login. */
  noUserLoggedIn: 'no user is logged in',
  /** `ENABLE_MFE_CONFIG_API` is on and `MFE_CONFIG` points the MFEs at this LMS. */
  mfeConfigApiEnabled: 'the MFE config API is enabled',
} as const;

export type StateName = (typeof STATES)[keyof typeof STATES];

/**
 * The user most contracts are written for: a verified learner, with realistic LMS values.
 * The stub's personas (stub/personas/default.yaml) satisfy the same states with other values.
 */
export const VERIFIED_LEARNER: UserParams = {
  username: 'verified',
  user_id: 8,
  email: 'verified@example.com',
  name: 'Vera Verified',
  administrator: false,
  roles: [],
};
