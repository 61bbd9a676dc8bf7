/**
 * The text that explains a request the contracts do not answer: the engine's problem, then the
 * closest interactions, each with the reasons it did not match. One formatter for both
 * transports, so the HTTP stub's terminal and the msw handlers' failures list the same
 * candidates in the same words. Browser-safe.
 */
import type { Problem } from '../engine';

interface Candidate {
  description: string;
  source: string;
  reasons?: string[];
}

/**
 * `terminal`: the HTTP stub's log block, whose first line reads like an access-log line
 * (`404 GET /path: no interaction matched the request (NO_INTERACTION_MATCHED).`); the logger
 * adds the `[stub]` prefix.
 * `failure`: the msw handlers' message, printed or thrown in a test: a `[stub] Failed to answer`
 * sentence with the full URL, and what to do about it.
 */
export type ExplanationForm = 'terminal' | 'failure';

export function explainProblem(
  method: string,
  url: string,
  problem: Problem,
  form: ExplanationForm,
): string {
  const what = problem.title.toLowerCase();
  const lines = [
    form === 'terminal'
      ? `${problem.status} ${method} ${url}: ${what} (${problem.code}).`
      : `[stub] Failed to answer ${method} ${url} from the contracts: ${what} (${problem.code}, ${problem.status}).`,
    problem.detail,
  ];
  const candidates = (problem.closest ?? problem.candidates) as Candidate[] | undefined;
  candidates?.forEach((candidate, i) => {
    lines.push(`  ${i + 1}. "${candidate.description}" (${candidate.source})`);
    for (const reason of candidate.reasons ?? []) lines.push(`       - ${reason}`);
  });
  if (form === 'failure')
    lines.push(
      problem.code === 'NO_INTERACTION_MATCHED'
        ? 'Add a contract for this call (docs/writing-a-contract.md), or create the handlers with ' +
            "onUnmatched: 'bypass' and answer it with a handler of your own."
        : 'See docs/stub-errors.md for this code.',
    );
  return lines.join('\n');
}
