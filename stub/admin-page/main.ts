/**
 * The admin page at /__stub/: reads the admin API, follows the journal's event stream
 * (GET /__stub/events) and renders the panels. Same origin only: every read is a plain GET of
 * the stub's own URLs, every write a POST with a JSON body (`Content-Type: application/json`,
 * which no other site can send without a CORS preflight the stub does not grant).
 */
import { countEntry } from './coverage';
import { fill, h } from './dom';
import { DEFAULT_FILTER, matchesFilter, type RequestFilter, type StatusFilter } from './filters';
import { guessMfeUrl, parseMfeUrl } from './login-link';
import { renderCoverage, renderPersonas, renderServed } from './panels';
import { renderEntry } from './requests-view';
import type {
  CoverageAnswer,
  JournalEntry,
  PersonasAnswer,
  RequestsAnswer,
  ServedAnswer,
} from './types';

/** The journal keeps 1,000 requests; the list keeps as many. */
const MAX_ENTRIES = 1000;
const MFE_URL_KEY = 'lms-stub-admin.mfe-url';

const $ = <T extends HTMLElement>(id: string) => document.getElementById(id) as T;

const state = {
  entries: [] as JournalEntry[],
  seen: new Set<number>(),
  filter: { ...DEFAULT_FILTER } as RequestFilter,
  personas: undefined as PersonasAnswer | undefined,
  coverage: undefined as CoverageAnswer | undefined,
  /** Consumers the reader opened or closed in the coverage panel. */
  consumerOpen: new Map<string, boolean>(),
  mfeText: localStorage.getItem(MFE_URL_KEY) ?? '',
  mfeTyped: localStorage.getItem(MFE_URL_KEY) !== null,
};

async function getJson<T>(path: string): Promise<T> {
  const response = await fetch(path, { headers: { Accept: 'application/json' } });
  if (!response.ok) throw new Error(`GET ${path} answered ${response.status}`);
  return (await response.json()) as T;
}

async function postJson<T>(path: string, body: unknown): Promise<T> {
  const response = await fetch(path, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Accept: 'application/json' },
    body: JSON.stringify(body),
  });
  const answer = (await response.json().catch(() => ({}))) as T & { detail?: string };
  if (!response.ok) throw new Error(answer.detail ?? `POST ${path} answered ${response.status}`);
  return answer;
}

function showError(where: HTMLElement, error: unknown): void {
  fill(
    where,
    h('p', { class: 'warning', role: 'alert' }, String((error as Error).message ?? error)),
  );
}

// ---- who you are ------------------------------------------------------------------------

function renderWho(): void {
  const answer = state.personas;
  if (!answer) return;
  const parsed = parseMfeUrl(state.mfeText);
  $('mfe-url-error').textContent = parsed.error ?? '';
  const active = answer.personas.find((p) => p.name === answer.active);
  fill(
    $('active-persona'),
    'Active persona: ',
    h('strong', {}, answer.active),
    active?.user ? ` (${active.user.name ?? active.user.username})` : ' (no user)',
  );
  fill(
    $('personas'),
    renderPersonas(answer, {
      activate,
      mfe: parsed.url,
      stubOrigin: location.origin,
    }),
  );
  $('stub-summary').textContent = `${location.origin} · active persona ${answer.active}`;
}

async function activate(name: string): Promise<void> {
  try {
    state.personas = await postJson<PersonasAnswer>('/__stub/persona', { persona: name });
    renderWho();
    // Keep the focus on the button that was pressed, now re-rendered.
    document
      .querySelector<HTMLButtonElement>(`[data-persona="${CSS.escape(name)}"] button`)
      ?.focus();
  } catch (error) {
    showError($('personas'), error);
  }
}

async function loadPersonas(): Promise<void> {
  try {
    state.personas = await getJson<PersonasAnswer>('/__stub/persona');
    renderWho();
  } catch (error) {
    showError($('personas'), error);
  }
}

// ---- live requests ----------------------------------------------------------------------

function renderCount(): void {
  const shown = state.entries.filter((e) => matchesFilter(e, state.filter)).length;
  $('requests-count').textContent =
    `${shown} of ${state.entries.length} request(s) shown, newest first.`;
}

function renderRequests(): void {
  const list = $('request-list');
  list.replaceChildren(
    ...state.entries.filter((e) => matchesFilter(e, state.filter)).map(renderEntry),
  );
  renderCount();
}

function addEntries(entries: JournalEntry[]): void {
  const fresh = entries.filter((e) => !state.seen.has(e.seq)).sort((a, b) => b.seq - a.seq);
  if (fresh.length === 0) return;
  for (const entry of fresh) state.seen.add(entry.seq);
  state.entries = [...fresh, ...state.entries].sort((a, b) => b.seq - a.seq);
  for (const dropped of state.entries.splice(MAX_ENTRIES)) state.seen.delete(dropped.seq);
  const list = $('request-list');
  const shown = fresh.filter((e) => matchesFilter(e, state.filter)).map(renderEntry);
  list.prepend(...shown);
  // The list shows what the page keeps: drop the lines of entries it let go.
  const oldest = state.entries[state.entries.length - 1]?.seq ?? 0;
  for (
    let last = list.lastElementChild as HTMLElement | null;
    last && Number(last.dataset.seq) < oldest;
    last = list.lastElementChild as HTMLElement | null
  )
    last.remove();
  renderCount();
  if (!state.mfeTyped) {
    const guess = guessMfeUrl(state.entries, location.origin);
    if (guess && guess !== state.mfeText) {
      state.mfeText = guess;
      ($('mfe-url') as HTMLInputElement).value = guess;
      renderWho();
    }
  }
}

async function loadRequests(): Promise<void> {
  try {
    const answer = await getJson<RequestsAnswer>('/__stub/requests');
    addEntries(answer.entries);
  } catch (error) {
    showError($('request-list'), error);
  }
}

function readFilter(): void {
  state.filter = {
    status: ($('filter-status') as HTMLSelectElement).value as StatusFilter,
    path: ($('filter-path') as HTMLInputElement).value,
    missesOnly: ($('filter-misses') as HTMLInputElement).checked,
    showAdmin: ($('filter-admin') as HTMLInputElement).checked,
  };
  renderRequests();
}

// ---- coverage and the set served --------------------------------------------------------

const toggles = {
  isOpen: (consumer: string, hit: number) => state.consumerOpen.get(consumer) ?? hit > 0,
  toggled: (consumer: string, open: boolean) => state.consumerOpen.set(consumer, open),
};

let coverageQueued = false;
function renderCoverageSoon(): void {
  if (coverageQueued) return;
  coverageQueued = true;
  setTimeout(() => {
    coverageQueued = false;
    if (state.coverage) fill($('coverage-body'), renderCoverage(state.coverage, toggles));
  }, 250);
}

async function loadCoverage(): Promise<void> {
  try {
    state.coverage = await getJson<CoverageAnswer>('/__stub/coverage');
    fill($('coverage-body'), renderCoverage(state.coverage, toggles));
  } catch (error) {
    showError($('coverage-body'), error);
  }
}

async function loadServed(): Promise<void> {
  try {
    fill($('served-body'), renderServed(await getJson<ServedAnswer>('/__stub/served')));
  } catch (error) {
    showError($('served-body'), error);
  }
}

async function reset(): Promise<void> {
  const status = $('reset-status');
  try {
    await postJson('/__stub/reset', {});
    status.textContent = `Reset at ${new Date().toLocaleTimeString([], { hour12: false })}.`;
  } catch (error) {
    status.textContent = `Reset failed: ${(error as Error).message}`;
  }
}

function clearJournal(): void {
  state.entries = [];
  state.seen.clear();
  renderRequests();
}

// ---- the event stream -------------------------------------------------------------------

function connect(): void {
  const connection = $('connection');
  const events = new EventSource('/__stub/events');
  events.addEventListener('open', () => {
    connection.textContent = 'Live: new requests appear as they arrive.';
    connection.className = 'connection live';
    // What arrived while (re)connecting.
    void loadRequests();
    void loadCoverage();
  });
  events.addEventListener('error', () => {
    connection.textContent = 'Not connected to the stub: retrying… (is it still running?)';
    connection.className = 'connection down';
  });
  // Under load (a benchmark, a test suite) requests arrive by the thousand: the page takes
  // them in batches, at most ten a second (a timer, which a hidden tab still runs, slowly), and
  // keeps only the newest of a batch too big to show, reading coverage again then.
  let arrived: JournalEntry[] = [];
  let overflowed = false;
  const flush = () => {
    const batch = arrived;
    const recount = overflowed;
    arrived = [];
    overflowed = false;
    addEntries(batch);
    if (recount) void loadCoverage();
    else if (state.coverage) {
      let counted = false;
      for (const entry of batch) counted = countEntry(state.coverage, entry) || counted;
      if (counted) renderCoverageSoon();
    }
  };
  events.addEventListener('request', (event) => {
    if (arrived.length === 0) setTimeout(flush, 100);
    arrived.push(JSON.parse((event as MessageEvent<string>).data) as JournalEntry);
    if (arrived.length > MAX_ENTRIES) {
      arrived.shift();
      overflowed = true;
    }
  });
  // Someone (this page, curl, a reload) changed the persona or state: show it.
  events.addEventListener('selection', () => void loadPersonas());
  events.addEventListener('reset', () => {
    clearJournal();
    state.consumerOpen.clear();
    void loadCoverage();
    void loadPersonas();
  });
  events.addEventListener('served', () => {
    void loadServed();
    void loadCoverage();
    void loadPersonas();
  });
  events.addEventListener('resync', () => {
    void loadRequests();
    void loadCoverage();
  });
}

// ---- start ------------------------------------------------------------------------------

function start(): void {
  const mfeInput = $('mfe-url') as HTMLInputElement;
  mfeInput.value = state.mfeText;
  mfeInput.addEventListener('input', () => {
    state.mfeText = mfeInput.value;
    state.mfeTyped = true;
    localStorage.setItem(MFE_URL_KEY, mfeInput.value);
    renderWho();
  });
  const filters = $('filters') as HTMLFormElement;
  filters.addEventListener('input', readFilter);
  filters.addEventListener('change', readFilter);
  filters.addEventListener('submit', (event) => event.preventDefault());
  $('reset').addEventListener('click', () => void reset());
  void loadPersonas();
  void loadServed();
  connect();
}

start();
