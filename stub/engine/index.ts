/**
 * Public entry of the stub engine. Browser-safe: no Node APIs, no file system, no process.
 * See docs/using-the-stub.md for the selection rules and docs/stub-errors.md for problem codes.
 */
export { createEngine, type Engine, type EngineOptions, summarize } from './engine';
export { JsonComparator, matchString } from './matchers';
export { PactLoadError, readPact } from './pact-file';
export type { PersonaStates, StateParams } from './personas';
export {
  ENGINE_PROBLEM_CODES,
  type EngineProblemCode,
  PROBLEM_CONTENT_TYPE,
  type ProblemKind,
  problemOf,
  problemResponse,
} from './problem';
export { BadQueryEncodingError, parseQueryString } from './request';
export { compileRuleList } from './rules';
export type * from './types';
