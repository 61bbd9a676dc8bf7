/**
 * The explanation printed (and thrown by assertAllMatched) for a request the contracts do not
 * answer: the engine's problem, with the closest interactions and why each did not match, as
 * the HTTP stub prints it in its terminal.
 */
import type { Problem } from '../engine';

interface Candidate {
  description: string;
  source: string;
  reasons?: string[];
}

export function explainProblem(method: string, url: string, problem: Problem): string {
  const lines = [
    `[stub] Failed to answer ${method} ${url} from the contracts: ${problem.title.toLowerCase()} (${problem.code}, ${problem.status}).`,
    problem.detail,
  ];
  const candidates = (problem.closest ?? problem.candidates) as Candidate[] | undefined;
  candidates?.forEach((candidate, i) => {
    lines.push(`  ${i + 1}. "${candidate.description}" (${candidate.source})`);
    for (const reason of candidate.reasons ?? []) lines.push(`       - ${reason}`);
  });
  lines.push(
    problem.code === 'NO_INTERACTION_MATCHED'
      ? 'Add a contract for this call (docs/writing-a-contract.md), or create the handlers with ' +
          "onUnmatched: 'bypass' and answer it with a handler of your own."
      : 'See docs/stub-errors.md for this code.',
  );
  return lines.join('\n');
}
