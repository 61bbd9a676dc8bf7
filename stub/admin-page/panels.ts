/**
 * The page's other panels: who you are (personas), contract coverage, and the set served.
 * Each renders from an admin API answer; the actions are callbacks main.ts wires.
 */

import { groupCoverage } from './coverage';
import { clock, h } from './dom';
import { loginHref } from './login-link';
import type { CoverageAnswer, PersonasAnswer, ServedAnswer } from './types';

/** A table in a box that scrolls sideways on a narrow window rather than widening the page. */
const wrapTable = (...args: Parameters<typeof h<'table'>>) =>
  h('div', { class: 'table-wrap' }, h(...args));

export interface PersonaActions {
  activate(name: string): void;
  /** The MFE the login links return to, when one is known. */
  mfe: URL | undefined;
  stubOrigin: string;
}

export function renderPersonas(answer: PersonasAnswer, actions: PersonaActions): HTMLElement {
  return h(
    'ul',
    { class: 'personas' },
    answer.personas.map((persona) => {
      const active = persona.name === answer.active;
      const user = persona.user;
      return h(
        'li',
        { class: active ? 'persona active' : 'persona', 'data-persona': persona.name },
        h(
          'div',
          { class: 'persona-head' },
          h('h3', {}, persona.name),
          active ? h('span', { class: 'pill' }, 'active') : null,
        ),
        h('p', { class: 'muted' }, persona.description),
        user
          ? h(
              'p',
              { class: 'user' },
              h('strong', {}, user.name ?? user.username),
              ` · ${user.username}`,
              user.email ? ` · ${user.email}` : '',
              user.administrator ? ' · administrator' : '',
            )
          : h('p', { class: 'user' }, 'Not logged in (no user)'),
        persona.enrollments.length
          ? h(
              'ul',
              { class: 'enrollments', 'aria-label': `Enrollments of ${persona.name}` },
              persona.enrollments.map((e) =>
                h('li', {}, e.course_name ?? e.course_id, h('span', { class: 'mode' }, e.mode)),
              ),
            )
          : user
            ? h('p', { class: 'muted' }, 'No enrollment.')
            : null,
        h(
          'div',
          { class: 'actions' },
          h(
            'button',
            {
              type: 'button',
              'aria-pressed': active ? 'true' : 'false',
              'aria-label': `Make ${persona.name} the active persona`,
              onclick: () => actions.activate(persona.name),
            },
            active ? 'Active' : 'Make active',
          ),
          h(
            'a',
            {
              href: loginHref(actions.stubOrigin, persona.name, actions.mfe),
              class: 'login',
              'aria-label': actions.mfe
                ? `Log this browser in as ${persona.name} and return to ${actions.mfe.origin}`
                : `Log this browser in as ${persona.name}`,
            },
            // The anonymous persona's login clears the session: the browser becomes a visitor.
            user
              ? actions.mfe
                ? 'Log in and open the MFE'
                : 'Log this browser in'
              : actions.mfe
                ? 'Log out and open the MFE'
                : 'Log this browser out',
          ),
        ),
      );
    }),
  );
}

/** Which consumers are open: the reader's choice, else those with a hit (coverage re-renders as
 *  requests arrive, and must not undo what the reader opened or closed). */
export interface ConsumerToggles {
  isOpen(consumer: string, hit: number): boolean;
  toggled(consumer: string, open: boolean): void;
}

const openWhenHit: ConsumerToggles = { isOpen: (_c, hit) => hit > 0, toggled: () => undefined };

export function renderCoverage(
  answer: CoverageAnswer,
  toggles: ConsumerToggles = openWhenHit,
): HTMLElement {
  const groups = groupCoverage(answer.interactions);
  // A Backend column when one `npm start` serves several backends (each request names one).
  const byBackend = answer.unmatched.some((u) => u.backend !== undefined);
  return h(
    'div',
    {},
    h(
      'p',
      { class: 'summary' },
      h('strong', {}, `${answer.covered} of ${answer.total}`),
      ' interactions answered at least one request since the stub started or was reset.',
    ),
    h(
      'div',
      { class: 'unmatched' },
      h('h3', {}, `Requests no contract answers (${answer.unmatched.length})`),
      answer.unmatched.length
        ? wrapTable(
            'table',
            { class: 'grid' },
            h(
              'thead',
              {},
              h(
                'tr',
                {},
                byBackend ? h('th', { scope: 'col' }, 'Backend') : null,
                h('th', { scope: 'col' }, 'Method'),
                h('th', { scope: 'col' }, 'Path'),
                h('th', { scope: 'col' }, 'Count'),
                h('th', { scope: 'col' }, 'Problem'),
                h('th', { scope: 'col' }, 'Last seen'),
              ),
            ),
            h(
              'tbody',
              {},
              answer.unmatched.map((u) =>
                h(
                  'tr',
                  {},
                  byBackend ? h('td', {}, u.backend ?? '') : null,
                  h('td', {}, u.method),
                  h('td', { class: 'url' }, u.path),
                  h('td', { class: 'num' }, u.count),
                  h('td', {}, u.code),
                  h('td', {}, clock(u.lastSeen)),
                ),
              ),
            ),
          )
        : h('p', { class: 'muted' }, 'None: every request so far had a contract.'),
    ),
    groups.map((group) => {
      const details = h(
        'details',
        { class: 'consumer', open: toggles.isOpen(group.consumer, group.hit) },
        h(
          'summary',
          { class: 'consumer-summary' },
          h('strong', {}, group.consumer),
          ` ${group.hit} of ${group.total} interactions hit`,
        ),
        h(
          'ul',
          { class: 'endpoints' },
          group.endpoints.map((endpoint) =>
            h(
              'li',
              {},
              h(
                'p',
                { class: 'endpoint' },
                h('span', { class: 'method' }, endpoint.method),
                ' ',
                h('span', { class: 'url' }, endpoint.path),
                h('span', { class: 'muted' }, ` ${endpoint.hit}/${endpoint.interactions.length}`),
              ),
              h(
                'ul',
                { class: 'interactions' },
                endpoint.interactions.map((row) =>
                  h(
                    'li',
                    { class: row.hits ? 'hit' : 'not-hit' },
                    h(
                      'span',
                      { class: 'hits', 'aria-label': `${row.hits} hit(s)` },
                      row.hits ? `${row.hits}×` : 'not hit',
                    ),
                    ` ${row.description}`,
                    row.providerStates.length
                      ? h('span', { class: 'muted' }, ` · ${row.providerStates.join('; ')}`)
                      : null,
                  ),
                ),
              ),
            ),
          ),
        ),
      );
      details.addEventListener('toggle', () => toggles.toggled(group.consumer, details.open));
      return details;
    }),
  );
}

export function renderServed(answer: ServedAnswer): HTMLElement {
  const source = answer.source;
  return h(
    'div',
    {},
    h(
      'dl',
      { class: 'facts' },
      h('dt', {}, 'Pacts from'),
      h(
        'dd',
        {},
        source?.broker
          ? `Pact Broker ${source.broker.url}, pacts ${source.broker.selection}`
          : (source?.pacts.join(', ') ?? '(not known: started without the CLI)'),
      ),
      source ? [h('dt', {}, 'Provider'), h('dd', {}, source.provider)] : null,
      h('dt', {}, 'Personas'),
      h('dd', {}, answer.personasFile),
      h('dt', {}, 'Loaded'),
      h(
        'dd',
        {},
        h('time', { datetime: answer.loadedAt }, new Date(answer.loadedAt).toLocaleString()),
        source?.watch ? ' · watching the files for changes' : ' · not watching (--watch reloads)',
      ),
      answer.lastReload
        ? [
            h('dt', {}, 'Last reload'),
            h(
              'dd',
              { class: answer.lastReload.ok ? '' : 'warning' },
              `${new Date(answer.lastReload.at).toLocaleString()} after a change to ${answer.lastReload.changed}: `,
              answer.lastReload.ok
                ? 'loaded'
                : `failed, still serving the last good set. ${answer.lastReload.error ?? ''}`,
            ),
          ]
        : null,
    ),
    wrapTable(
      'table',
      { class: 'grid' },
      h('caption', {}, `${answer.pacts.length} pact(s), ${answer.interactions} interaction(s)`),
      h(
        'thead',
        {},
        h(
          'tr',
          {},
          h('th', { scope: 'col' }, 'File'),
          h('th', { scope: 'col' }, 'Consumer → provider'),
          h('th', { scope: 'col' }, 'Spec'),
          h('th', { scope: 'col' }, 'Interactions'),
        ),
      ),
      h(
        'tbody',
        {},
        answer.pacts.map((pact) =>
          h(
            'tr',
            {},
            h('td', { class: 'url' }, pact.source),
            h('td', {}, `${pact.consumer} → ${pact.provider}`),
            h('td', {}, pact.specification),
            h('td', { class: 'num' }, pact.interactions),
          ),
        ),
      ),
    ),
    h('h3', {}, `Load warnings (${answer.warnings.length})`),
    answer.warnings.length
      ? h(
          'ul',
          { class: 'warnings' },
          answer.warnings.map((w) => h('li', {}, w)),
        )
      : h('p', { class: 'muted' }, 'None.'),
  );
}
