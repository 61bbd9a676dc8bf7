/**
 * `openedx-lms-contracts/msw`: the stub LMS as msw 2 request handlers, served from the same
 * pacts, personas and engine as the HTTP stub. See docs/msw.md.
 *
 *   import { setupServer } from 'msw/node';
 *   import { createLmsHandlers } from 'openedx-lms-contracts/msw';
 *
 *   const lms = createLmsHandlers({ persona: 'verified-learner' });
 *   const server = setupServer(...lms.handlers);
 */
export type {
  Engine,
  InteractionSummary,
  JsonValue,
  Problem,
  SelectionTier,
  StateOverride,
} from '../engine';
export {
  createHandlers,
  createLmsHandlers,
  type HandlersOptions,
  type LmsHandlers,
  LmsHandlersError,
  type LmsHandlersOptions,
  lmsHandlers,
  type PactInput,
  type PersonaSelection,
  type UnmatchedPolicy,
} from './lms-handlers';
export type {
  CallOutcome,
  HandlersEvent,
  RecordedCall,
  RecordedRequest,
  RecordedResponse,
  UnmatchedHandling,
} from './recorded-calls';
