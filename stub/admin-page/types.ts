/**
 * What the admin API answers, as the page reads it (stub/server/admin.ts). Type-only: nothing
 * of the server reaches the browser bundle.
 */
import type { InteractionSummary } from '../engine';
import type { JournalEntry } from '../server/journal';
import type { ReloadRecord, ServedSource } from '../server/runtime';

export type { InteractionSummary, JournalEntry };

/** One of the closest interactions of a miss, with the reasons it did not match. */
export interface Candidate {
  description: string;
  consumer?: string;
  source?: string;
  reasons?: string[];
}

export interface PersonaView {
  name: string;
  description: string;
  user: { username: string; name?: string; email?: string; administrator?: boolean } | null;
  enrollments: Array<{ course_id: string; course_name: string | null; mode: string }>;
}

export interface PersonasAnswer {
  active: string;
  personas: PersonaView[];
}

export interface CoverageRow extends InteractionSummary {
  method: string;
  path: string;
  hits: number;
}

export interface UnmatchedRow {
  method: string;
  path: string;
  /** The backend asked (its provider), when one `npm start` serves several. */
  backend?: string;
  count: number;
  code: string;
  lastSeen: string;
}

export interface CoverageAnswer {
  interactions: CoverageRow[];
  total: number;
  covered: number;
  unmatched: UnmatchedRow[];
}

export interface ServedAnswer {
  source: ServedSource | null;
  pacts: Array<{
    source: string;
    consumer: string;
    provider: string;
    specification: string;
    interactions: number;
  }>;
  interactions: number;
  personasFile: string;
  warnings: string[];
  loadedAt: string;
  lastReload: ReloadRecord | null;
}

export interface RequestsAnswer {
  count: number;
  limit: number;
  entries: JournalEntry[];
}
