/**
 * The Pact Broker, as the CI's broker contract describes it (consumer openedx-lms-contracts-ci,
 * provider pact-broker): a stand-in broker on the broker's usual port, for the CI scripts.
 * Served only when asked for (`--provider pact-broker`); it has no login routes.
 */
import { genericProfile } from './generic';
import type { BackendProfile } from './types';

export const pactBrokerProfile: BackendProfile = {
  ...genericProfile('pact-broker'),
  title: 'Pact Broker',
  defaultPort: 9292,
};
