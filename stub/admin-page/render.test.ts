/**
 * @jest-environment jsdom
 *
 * What the admin page renders from journal entries and admin answers: the highlighted parts of
 * a miss, the interaction that answered with its state parameters, the persona controls; and
 * that client-written text (a path, a header, a body) never becomes markup.
 */
import type { JournalEntry } from '../server/journal';
import { renderCoverage, renderPersonas, renderServed } from './panels';
import { answerLabel, renderBody, renderEntry } from './requests-view';

const MISS: JournalEntry = {
  seq: 7,
  time: '2026-12-01T15:04:44.594Z',
  method: 'POST',
  url: '/api/change_email_settings?x=1',
  status: 404,
  durationMs: 2,
  persona: 'verified-learner',
  outcome: 'unmatched',
  problem: {
    code: 'NO_INTERACTION_MATCHED',
    detail: 'POST /api/change_email_settings matched none of the 68 interactions.',
    closest: [
      {
        description: 'a request to turn on the emails of a course',
        source: 'dashboard.json',
        reasons: [
          "missing header X-CSRFToken (expected 'k3v')",
          'unexpected query parameter x',
          "body $.receive_emails: expected 'on' but got 'off'",
        ],
      },
      {
        description: 'a validation of registration fields',
        source: 'authn.json',
        reasons: [
          "expected path '/api/user/v1/validation/registration' but got '/api/change_email_settings'",
          "header Content-Type: expected 'application/x-www-form-urlencoded' but got 'application/json'",
        ],
      },
    ],
  },
  request: {
    headers: { 'use-jwt-cookie': 'true', 'content-type': 'application/json' },
    body: '{"course_id":"c","receive_emails":"off"}',
    bodyBytes: 40,
  },
};

const marked = (root: Element) =>
  [...root.querySelectorAll('mark')].map((m) => [
    m.getAttribute('data-part'),
    m.querySelector('sup')?.textContent?.trim(),
  ]);

describe('a miss', () => {
  it('lists the closest interactions and marks each part of the request they name', () => {
    const body = renderBody(MISS);
    expect(body.querySelector('.problem h4')?.textContent).toBe('NO_INTERACTION_MATCHED');
    expect(
      [...body.querySelectorAll('.candidates > li > strong')].map((s) => s.textContent),
    ).toEqual([
      '“a request to turn on the emails of a course”',
      '“a validation of registration fields”',
    ]);
    expect(marked(body)).toEqual([
      ['path', '2'],
      ['query:x', '1'],
      ['body:$.receive_emails', '1'],
      // The header not sent, then the headers sent that a reason names, before the others.
      ['header:x-csrftoken', '1'],
      ['header:content-type', '2'],
    ]);
    const headerRows = [...body.querySelectorAll('table.kv')]
      .find((t) => t.querySelector('caption')?.textContent === 'Headers')
      ?.querySelectorAll('tbody th');
    // Marked names carry the numbers of the interactions that name them.
    expect([...(headerRows ?? [])].map((th) => th.textContent)).toEqual([
      'x-csrftoken 1',
      'content-type 2',
      'use-jwt-cookie',
    ]);
    // The header that was not sent is listed, marked, as not sent.
    const missing = body.querySelector('tr.missing');
    expect(missing?.textContent).toContain('x-csrftoken');
    expect(missing?.textContent).toContain('(not sent)');
    // The reasons are the mark's tooltip.
    expect(
      body.querySelector('mark[data-part="body:$.receive_emails"]')?.getAttribute('title'),
    ).toBe("1. body $.receive_emails: expected 'on' but got 'off'");
  });

  it('shows as a miss in the summary line, and builds its details when opened', () => {
    const details = renderEntry(MISS);
    expect(details.classList.contains('miss')).toBe(true);
    expect(details.querySelector('summary')?.textContent).toContain('Miss: no contract matched');
    expect(details.querySelector('.entry-body')).toBeNull();
    details.open = true;
    details.dispatchEvent(new Event('toggle'));
    expect(details.querySelector('.entry-body')).not.toBeNull();
  });
});

describe('a matched request', () => {
  const entry: JournalEntry = {
    ...MISS,
    url: '/api/learner_home/init',
    method: 'GET',
    status: 200,
    outcome: 'matched',
    problem: undefined,
    interaction: {
      id: 'd#1',
      description: 'a request for the dashboard of global staff with no enrollment',
      consumer: 'frontend-app-learner-dashboard',
      provider: 'lms',
      source: 'generated-pacts/frontend-app-learner-dashboard-lms.json',
      providerStates: ['a user is logged in'],
    },
    tier: 'persona',
    stateParams: { username: 'staff', user_id: 3 },
  };

  it('names the interaction, its provider states and their parameters, and marks nothing', () => {
    expect(answerLabel(entry)).toBe(
      'a request for the dashboard of global staff with no enrollment',
    );
    const body = renderBody(entry);
    expect(body.querySelector('.interaction .states')?.textContent).toBe('a user is logged in');
    expect(body.querySelector('.interaction .params')?.textContent).toBe('usernamestaffuser_id3');
    expect(body.querySelectorAll('mark')).toHaveLength(0);
  });
});

it('names the backend that answered when one start serves several, and no backend otherwise', () => {
  // Act
  const tagged = renderEntry({ ...MISS, backend: 'cms' });
  const plain = renderEntry(MISS);

  // Assert
  expect(tagged.querySelector('summary .backend')?.textContent).toBe('cms');
  expect(plain.querySelector('summary .backend')).toBeNull();
  expect(renderBody({ ...MISS, backend: 'cms' }).querySelector('.facts')?.textContent).toContain(
    'Backendcms',
  );
});

it('shows client-written text as text, never as markup', () => {
  const evil = '<img src=x onerror="window.pwned=1">';
  const entry: JournalEntry = {
    ...MISS,
    url: `/${evil}?${evil}=1`,
    request: { headers: { [evil]: evil }, body: evil },
  };
  const details = renderEntry(entry);
  details.open = true;
  details.dispatchEvent(new Event('toggle'));
  document.body.append(details);
  expect(document.querySelectorAll('img')).toHaveLength(0);
  expect(details.textContent).toContain(evil);
  details.remove();
});

describe('personas', () => {
  const answer = {
    active: 'verified-learner',
    personas: [
      {
        name: 'verified-learner',
        description: 'Verified learner',
        user: { username: 'verified', name: 'Vera Verified' },
        enrollments: [{ course_id: 'c1', course_name: 'Demonstration Course', mode: 'verified' }],
      },
      { name: 'anonymous', description: 'Visitor', user: null, enrollments: [] },
    ],
  };

  it('marks the active one, switches in one click and links a browser login back to the MFE', () => {
    const activated: string[] = [];
    const list = renderPersonas(answer, {
      activate: (name) => activated.push(name),
      mfe: new URL('http://localhost:2999/'),
      stubOrigin: 'http://localhost:18000',
    });
    const buttons = [...list.querySelectorAll('button')];
    expect(
      buttons.map((b) => [b.getAttribute('aria-label'), b.getAttribute('aria-pressed')]),
    ).toEqual([
      ['Make verified-learner the active persona', 'true'],
      ['Make anonymous the active persona', 'false'],
    ]);
    buttons[1]?.click();
    expect(activated).toEqual(['anonymous']);
    expect(list.querySelector('a.login')?.getAttribute('href')).toBe(
      'http://localhost:18000/login?persona=verified-learner&next=http%3A%2F%2Flocalhost%3A2999%2F',
    );
    expect(list.querySelector('.enrollments')?.textContent).toBe('Demonstration Courseverified');
    expect([...list.querySelectorAll('a.login')].map((a) => a.textContent)).toEqual([
      'Log in and open the MFE',
      'Log out and open the MFE',
    ]);
  });
});

describe('coverage', () => {
  const row = (id: string, consumer: string, hits: number) => ({
    id,
    description: `interaction ${id}`,
    consumer,
    provider: 'lms',
    source: `${consumer}.json`,
    providerStates: ['a user is logged in'],
    method: 'GET',
    path: `/api/${consumer}`,
    hits,
  });
  const answer = {
    interactions: [row('a', 'hit-mfe', 2), row('b', 'hit-mfe', 0), row('c', 'quiet-mfe', 0)],
    total: 3,
    covered: 1,
    unmatched: [
      {
        method: 'GET',
        path: '/api/nope',
        count: 3,
        code: 'NO_INTERACTION_MATCHED',
        lastSeen: '2026-12-01T15:00:00Z',
      },
    ],
  };

  it('opens the consumers with a hit, lists the unmatched requests with their counts', () => {
    const panel = renderCoverage(answer);
    expect(panel.querySelector('.summary')?.textContent).toMatch(/^1 of 3 interactions/);
    const consumers = [...panel.querySelectorAll('details.consumer')] as HTMLDetailsElement[];
    expect(consumers.map((d) => [d.querySelector('summary')?.textContent, d.open])).toEqual([
      ['hit-mfe 1 of 2 interactions hit', true],
      ['quiet-mfe 0 of 1 interactions hit', false],
    ]);
    expect([...panel.querySelectorAll('.interactions .hits')].map((e) => e.textContent)).toEqual([
      '2×',
      'not hit',
      'not hit',
    ]);
    expect(panel.querySelector('.unmatched tbody tr')?.textContent).toContain(
      '/api/nope3NO_INTERACTION_MATCHED',
    );
  });

  it("keeps the reader's choice of open consumers across re-renders", () => {
    const chosen = new Map<string, boolean>([['hit-mfe', false]]);
    const toggles = {
      isOpen: (consumer: string, hit: number) => chosen.get(consumer) ?? hit > 0,
      toggled: (consumer: string, open: boolean) => chosen.set(consumer, open),
    };
    const panel = renderCoverage(answer, toggles);
    const [first] = [...panel.querySelectorAll('details.consumer')] as HTMLDetailsElement[];
    expect(first?.open).toBe(false);
  });

  it("names each backend's consumers and misses when several backends are served", () => {
    const panel = renderCoverage({
      ...answer,
      interactions: [...answer.interactions, { ...row('s', 'hit-mfe', 1), provider: 'cms' }],
      total: 4,
      covered: 2,
      unmatched: [{ ...(answer.unmatched[0] as (typeof answer.unmatched)[0]), backend: 'cms' }],
    });
    expect(
      [...panel.querySelectorAll('details.consumer strong')].map((e) => e.textContent),
    ).toEqual(['hit-mfe → cms', 'hit-mfe → lms', 'quiet-mfe → lms']);
    expect([...panel.querySelectorAll('.unmatched thead th')].map((e) => e.textContent)).toEqual([
      'Backend',
      'Method',
      'Path',
      'Count',
      'Problem',
      'Last seen',
    ]);
    expect(panel.querySelector('.unmatched tbody td')?.textContent).toBe('cms');
  });
});

it('the set served: source, pacts with spec versions, warnings and the last reload', () => {
  const panel = renderServed({
    source: { pacts: ['generated-pacts'], personasFile: 'p.yaml', provider: 'lms', watch: true },
    pacts: [
      { source: 'a.json', consumer: 'mfe', provider: 'lms', specification: '4.0', interactions: 2 },
    ],
    interactions: 2,
    personasFile: 'p.yaml',
    warnings: ['b.json: left out'],
    loadedAt: '2026-12-01T15:00:00Z',
    lastReload: {
      at: '2026-12-01T15:00:00Z',
      changed: 'a.json',
      ok: false,
      error: 'not valid JSON',
    },
  });
  expect(panel.querySelector('.facts')?.textContent).toContain('Pacts fromgenerated-pacts');
  expect(panel.querySelector('tbody tr')?.textContent).toBe('a.jsonmfe → lms4.02');
  expect(panel.querySelector('.warnings')?.textContent).toBe('b.json: left out');
  expect(panel.querySelector('dd.warning')?.textContent).toContain(
    'failed, still serving the last good set. not valid JSON',
  );
});

it('the set served from a Pact Broker names the broker and the branch', () => {
  const panel = renderServed({
    source: {
      pacts: ['broker-download'],
      personasFile: 'p.yaml',
      provider: 'lms',
      broker: { url: 'https://broker.example', selection: 'of branch main' },
      watch: false,
    },
    pacts: [],
    interactions: 0,
    personasFile: 'p.yaml',
    warnings: [],
    loadedAt: '2026-12-01T15:00:00Z',
    lastReload: null,
  });
  expect(panel.querySelector('.facts dd')?.textContent).toBe(
    'Pact Broker https://broker.example, pacts of branch main',
  );
});
