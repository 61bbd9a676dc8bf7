/**
 * Contract coverage as the page shows it: interactions grouped by consumer (by consumer and
 * provider when several backends are served: frontend-app-authoring → cms, → lms), then by
 * endpoint (method and path), and the unmatched requests by backend, method and path. The page reads
 * GET /__stub/coverage once, then counts each request of the event stream itself the way the
 * journal does (stub/server/journal.ts), instead of reading coverage again after every request
 * (which would itself be a request in the journal). Pure: no DOM.
 */
import type { CoverageAnswer, CoverageRow, JournalEntry, UnmatchedRow } from './types';

export interface EndpointGroup {
  method: string;
  path: string;
  interactions: CoverageRow[];
  hit: number;
}

export interface ConsumerGroup {
  /** The consumer, or `consumer → provider` when the rows are of several providers. */
  consumer: string;
  endpoints: EndpointGroup[];
  total: number;
  hit: number;
}

/** Consumers and endpoints in alphabetical order; interactions in the pacts' order. */
export function groupCoverage(rows: readonly CoverageRow[]): ConsumerGroup[] {
  const consumers = new Map<string, Map<string, EndpointGroup>>();
  const severalProviders = new Set(rows.map((row) => row.provider)).size > 1;
  for (const row of rows) {
    const label = severalProviders ? `${row.consumer} → ${row.provider}` : row.consumer;
    let endpoints = consumers.get(label);
    if (!endpoints) {
      endpoints = new Map();
      consumers.set(label, endpoints);
    }
    const key = `${row.path} ${row.method}`;
    let group = endpoints.get(key);
    if (!group) {
      group = { method: row.method, path: row.path, interactions: [], hit: 0 };
      endpoints.set(key, group);
    }
    group.interactions.push(row);
    if (row.hits > 0) group.hit += 1;
  }
  return [...consumers.entries()]
    .sort(([a], [b]) => a.localeCompare(b))
    .map(([consumer, endpoints]) => {
      const list = [...endpoints.entries()]
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([, group]) => group);
      return {
        consumer,
        endpoints: list,
        total: list.reduce((sum, e) => sum + e.interactions.length, 0),
        hit: list.reduce((sum, e) => sum + e.hit, 0),
      };
    });
}

/** Each coverage answer's rows by interaction id, built on first use. */
const rowsById = new WeakMap<CoverageAnswer, Map<string, CoverageRow>>();

/** Counts one journal entry into `coverage` (in place); true when it changed anything. */
export function countEntry(coverage: CoverageAnswer, entry: JournalEntry): boolean {
  if (entry.interaction) {
    let index = rowsById.get(coverage);
    if (!index) {
      index = new Map(coverage.interactions.map((r) => [r.id, r]));
      rowsById.set(coverage, index);
    }
    const row = index.get(entry.interaction.id);
    if (!row) return false;
    if (row.hits === 0) coverage.covered += 1;
    row.hits += 1;
    return true;
  }
  if (entry.outcome !== 'unmatched' && entry.outcome !== 'ambiguous') return false;
  const path = entry.url.split('?')[0] ?? entry.url;
  const seen = coverage.unmatched.find(
    (u) => u.method === entry.method && u.path === path && u.backend === entry.backend,
  );
  if (seen) {
    seen.count += 1;
    seen.lastSeen = entry.time;
  } else {
    const row: UnmatchedRow = {
      method: entry.method,
      path,
      ...(entry.backend !== undefined && { backend: entry.backend }),
      count: 1,
      code: entry.problem?.code ?? '',
      lastSeen: entry.time,
    };
    coverage.unmatched.push(row);
  }
  coverage.unmatched.sort((a, b) => b.count - a.count);
  return true;
}
