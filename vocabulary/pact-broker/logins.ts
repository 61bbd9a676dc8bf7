/**
 * The logins of the broker the broker contract describes: the open-source broker with basic auth,
 * a read-write user and a read-only user. Not secrets: the broker that verifies the contract (in
 * .ci/run and the GitHub workflow) is started with exactly these (`PACT_BROKER_BASIC_AUTH_*`).
 * Shared by the contract (its Authorization examples), its state handler and the real-broker
 * checks of ci/broker-contract/; imports nothing from the repository.
 */
export const BROKER_USERS = {
  writer: { username: 'ci', password: 'ci-secret' },
  reader: { username: 'reader', password: 'reader-secret' },
} as const;

export const basicAuth = (user: { username: string; password: string }) =>
  `Basic ${Buffer.from(`${user.username}:${user.password}`).toString('base64')}`;

/** The env of a ci/ step logged in as a broker user. */
export const loginAs = (user: { username: string; password: string }) => ({
  PACT_BROKER_USERNAME: user.username,
  PACT_BROKER_PASSWORD: user.password,
});
