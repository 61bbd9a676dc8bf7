/**
 * The live list's filters and what counts as a miss. Pure: no DOM.
 */
import type { JournalEntry } from './types';

export type StatusFilter = 'all' | '2xx' | '3xx' | '4xx' | '5xx';

export interface RequestFilter {
  status: StatusFilter;
  /** A piece of the path (and query), case-insensitive; empty for any. */
  path: string;
  missesOnly: boolean;
  /** The admin API's own requests (this page's reads included) and CORS preflights. */
  showAdmin: boolean;
}

export const DEFAULT_FILTER: RequestFilter = {
  status: 'all',
  path: '',
  missesOnly: false,
  showAdmin: false,
};

/** A request that no contract answered: unmatched, or ambiguous between contracts. */
export const isMiss = (entry: JournalEntry): boolean =>
  entry.outcome === 'unmatched' || entry.outcome === 'ambiguous';

const isHousekeeping = (entry: JournalEntry): boolean =>
  entry.outcome === 'admin' || entry.outcome === 'preflight';

export function matchesFilter(entry: JournalEntry, filter: RequestFilter): boolean {
  if (!filter.showAdmin && isHousekeeping(entry)) return false;
  if (filter.missesOnly && !isMiss(entry)) return false;
  if (filter.status !== 'all' && `${Math.floor(entry.status / 100)}xx` !== filter.status)
    return false;
  const wanted = filter.path.trim().toLowerCase();
  return wanted === '' || entry.url.toLowerCase().includes(wanted);
}
