/**
 * One journal entry of the live list: a summary line (time, method, path, status, what
 * answered) that opens on the details: the interaction with its provider states and their
 * parameters, or, for a miss, the stub's explanation beside the request with the parts that
 * the closest interactions name highlighted.
 */
import { clock, h } from './dom';
import {
  candidatesOf,
  childPath,
  type Highlight,
  highlightsOf,
  partKey,
  partOfReason,
  splitUrl,
} from './explain';
import { isMiss } from './filters';
import type { JournalEntry } from './types';

/** What answered, in a few words, for the summary line. */
export function answerLabel(entry: JournalEntry): string {
  if (entry.interaction) return entry.interaction.description;
  switch (entry.outcome) {
    case 'unmatched':
      return 'no contract matched';
    case 'ambiguous':
      return 'several contracts matched';
    case 'admin':
      return 'admin API';
    case 'preflight':
      return `CORS preflight${entry.note ? ` (${entry.note})` : ''}`;
    case 'auth':
      return entry.note ?? 'login bootstrap';
    default:
      return entry.problem?.code ?? entry.note ?? entry.outcome;
  }
}

const statusClass = (status: number) => `status s${Math.floor(status / 100)}xx`;

export function renderEntry(entry: JournalEntry): HTMLDetailsElement {
  const miss = isMiss(entry);
  const summary = h(
    'summary',
    {},
    h('time', { class: 'time', datetime: entry.time }, clock(entry.time)),
    // Named when one `npm start` serves several backends (the LMS, the CMS...).
    entry.backend ? h('span', { class: 'backend muted' }, entry.backend) : null,
    h('span', { class: 'method' }, entry.method),
    h('span', { class: 'url' }, entry.url),
    h(
      'span',
      { class: statusClass(entry.status), 'aria-label': `status ${entry.status}` },
      entry.status,
    ),
    h(
      'span',
      { class: miss ? 'answer miss' : 'answer' },
      miss ? h('strong', {}, 'Miss: ') : null,
      answerLabel(entry),
    ),
  );
  const details = h(
    'details',
    { class: miss ? 'entry miss' : 'entry', 'data-seq': entry.seq, 'data-outcome': entry.outcome },
    summary,
  );
  // Built when first opened: most entries are never opened.
  details.addEventListener('toggle', () => {
    if (details.open && details.childElementCount === 1) details.append(renderBody(entry));
  });
  return details;
}

export function renderBody(entry: JournalEntry): HTMLElement {
  const facts = h(
    'dl',
    { class: 'facts' },
    entry.backend ? [h('dt', {}, 'Backend'), h('dd', {}, entry.backend)] : null,
    h('dt', {}, 'Persona'),
    h('dd', {}, entry.persona),
    entry.origin ? [h('dt', {}, 'Origin'), h('dd', {}, entry.origin)] : null,
    h('dt', {}, 'Took'),
    h('dd', {}, `${entry.durationMs} ms`),
    entry.note ? [h('dt', {}, 'Note'), h('dd', {}, entry.note)] : null,
  );
  return h(
    'div',
    { class: 'entry-body' },
    entry.interaction ? renderInteraction(entry) : null,
    entry.problem ? renderProblem(entry) : null,
    renderRequest(entry, entry.problem ? highlightsOf(entry) : new Map()),
    facts,
  );
}

function renderInteraction(entry: JournalEntry): HTMLElement {
  const interaction = entry.interaction as NonNullable<JournalEntry['interaction']>;
  const params = Object.entries(entry.stateParams ?? {});
  return h(
    'section',
    { class: 'interaction', 'aria-label': 'The interaction that answered' },
    h('h4', {}, 'Answered by'),
    h('p', { class: 'description' }, `“${interaction.description}”`),
    h(
      'p',
      { class: 'muted' },
      `${interaction.consumer} → ${interaction.provider} · ${interaction.source}`,
      entry.tier ? ` · chosen by ${entry.tier}` : '',
    ),
    interaction.providerStates.length
      ? h(
          'ul',
          { class: 'states', 'aria-label': 'Provider states' },
          interaction.providerStates.map((s) => h('li', {}, s)),
        )
      : h('p', { class: 'muted' }, 'No provider state.'),
    params.length
      ? h(
          'dl',
          { class: 'params', 'aria-label': 'Provider-state parameters' },
          params.map(([name, value]) => [
            h('dt', {}, name),
            h('dd', {}, typeof value === 'string' ? value : JSON.stringify(value)),
          ]),
        )
      : null,
  );
}

function renderProblem(entry: JournalEntry): HTMLElement {
  const problem = entry.problem as NonNullable<JournalEntry['problem']>;
  const candidates = candidatesOf(entry);
  return h(
    'section',
    { class: 'problem', 'aria-label': 'Why no contract answered' },
    h('h4', {}, problem.code),
    h('p', {}, problem.detail),
    candidates.length
      ? h(
          'ol',
          { class: 'candidates' },
          candidates.map((candidate, i) =>
            h(
              'li',
              {},
              h('span', { class: 'badge', 'aria-hidden': 'true' }, i + 1),
              h('strong', {}, `“${candidate.description}”`),
              candidate.source ? h('span', { class: 'muted' }, ` ${candidate.source}`) : null,
              h(
                'ul',
                { class: 'reasons' },
                (candidate.reasons ?? []).map((reason) => {
                  const part = partOfReason(reason);
                  return h(
                    'li',
                    {},
                    part ? h('span', { class: 'part-tag' }, partLabel(part.kind)) : null,
                    reason,
                  );
                }),
              ),
            ),
          ),
        )
      : null,
  );
}

const partLabel = (kind: string) => (kind === 'state' ? 'persona/state' : kind);

/** The request as sent, each piece marked when a closest interaction's reasons name it. */
export function renderRequest(entry: JournalEntry, marks: Map<string, Highlight>): HTMLElement {
  const { path, query } = splitUrl(entry.url);
  const mark = (key: string, content: Node | string) => {
    const highlight = marks.get(key);
    if (!highlight) return content;
    return h(
      'mark',
      { title: highlight.reasons.join('\n'), 'data-part': key },
      content,
      h('sup', { class: 'by' }, ` ${highlight.candidates.join(',')}`),
    );
  };
  const queryNames = new Set(query.map(([name]) => name));
  // The headers a reason names first: a browser sends a dozen others.
  const headers = Object.entries(entry.request?.headers ?? {}).sort(
    ([a], [b]) => Number(marks.has(`header:${b}`)) - Number(marks.has(`header:${a}`)),
  );
  const headerNames = new Set(headers.map(([name]) => name));
  const missing = (kind: 'query' | 'header', known: Set<string>) =>
    [...marks.values()]
      .filter((m) => m.part.kind === kind && m.part.missing && !known.has(m.part.name))
      .map((m) => {
        const name = (m.part as { name: string }).name;
        return h(
          'tr',
          { class: 'missing' },
          h('th', { scope: 'row' }, mark(partKey(m.part), name)),
          h('td', {}, '(not sent)'),
        );
      });

  const section = h(
    'section',
    { class: 'request', 'aria-label': 'What the client sent' },
    h('h4', {}, entry.problem ? 'The request, with the parts that did not match' : 'The request'),
    h(
      'p',
      { class: 'request-line' },
      mark('method', entry.method),
      ' ',
      mark('path', path),
      marks.has('state') ? [' as ', mark('state', entry.persona)] : null,
    ),
  );
  if (query.length || [...marks.values()].some((m) => m.part.kind === 'query'))
    section.append(
      table(
        'Query',
        query.map(([name, value]) =>
          h('tr', {}, h('th', { scope: 'row' }, mark(`query:${name}`, name)), h('td', {}, value)),
        ),
        missing('query', queryNames),
      ),
    );
  const sent = entry.request;
  if (sent?.body !== undefined || marks.has('body')) {
    const bodyMarks = [...marks.entries()].filter(([key]) => key.startsWith('body'));
    section.append(
      h(
        'div',
        { class: 'body' },
        h(
          'h5',
          {},
          'Body',
          sent?.bodyBytes !== undefined
            ? ` (${sent.bodyBytes} bytes${sent.bodyTruncated ? ', cut' : ''})`
            : '',
        ),
        sent?.body === undefined
          ? h('p', {}, mark('body', '(no body)'))
          : renderBodyText(sent.body, (key, node) => mark(key, node), bodyMarks),
      ),
    );
  }
  // After the body: a browser sends a dozen headers, which would push the body out of sight.
  section.append(
    table(
      'Headers',
      headers.map(([name, value]) =>
        h('tr', {}, h('th', { scope: 'row' }, mark(`header:${name}`, name)), h('td', {}, value)),
      ),
      missing('header', headerNames),
    ),
  );
  return section;
}

type Marker = (key: string, content: Node | string) => Node | string;

/** A JSON body pretty-printed with each marked path highlighted; any other body as text. */
function renderBodyText(
  text: string,
  mark: Marker,
  bodyMarks: Array<[string, Highlight]>,
): HTMLElement {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return h('pre', {}, bodyMarks.length ? mark(bodyMarks[0]?.[0] ?? 'body', text) : text);
  }
  const keys = new Set(bodyMarks.map(([key]) => key));
  const pre = h('pre', {});
  const shown = new Set<string>();
  // A marked scalar is marked whole; a marked object or array by its opening bracket only
  // (a reason about it names its keys or length), so marks never nest.
  const open = (bracket: string, key: string): Node | string => {
    if (!keys.has(key)) return bracket;
    shown.add(key);
    return mark(key, bracket);
  };
  const node = (v: unknown, at: string, indent: string): Node | string => {
    const key = `body:${at}`;
    if (Array.isArray(v)) {
      const content = h('span', {}, open('[', key));
      v.forEach((item, i) => {
        content.append(`\n${indent}  `, node(item, childPath(at, i), `${indent}  `));
        if (i < v.length - 1) content.append(',');
      });
      content.append(v.length ? `\n${indent}]` : ']');
      return content;
    }
    if (v !== null && typeof v === 'object') {
      const entries = Object.entries(v as Record<string, unknown>);
      const content = h('span', {}, open('{', key));
      entries.forEach(([name, item], i) => {
        content.append(
          `\n${indent}  ${JSON.stringify(name)}: `,
          node(item, childPath(at, name), `${indent}  `),
        );
        if (i < entries.length - 1) content.append(',');
      });
      content.append(entries.length ? `\n${indent}}` : '}');
      return content;
    }
    if (!keys.has(key)) return JSON.stringify(v);
    shown.add(key);
    return mark(key, JSON.stringify(v));
  };
  pre.append(node(value, '$', ''));
  // A reason about a path the body does not have (a missing key deeper down): say so below.
  const elsewhere = bodyMarks.filter(([key]) => !shown.has(key));
  if (elsewhere.length === 0) return pre;
  return h(
    'div',
    {},
    pre,
    h(
      'ul',
      { class: 'reasons' },
      elsewhere.map(([key]) =>
        h(
          'li',
          {},
          key === 'body' ? mark(key, 'the body') : [mark(key, key.slice(5)), ' (not in the body)'],
        ),
      ),
    ),
  );
}

function table(caption: string, rows: HTMLElement[], extra: HTMLElement[]): HTMLElement {
  return h(
    'table',
    { class: 'kv' },
    h('caption', {}, caption),
    h(
      'tbody',
      {},
      extra,
      rows,
      rows.length + extra.length === 0 ? h('tr', {}, h('td', {}, '(none)')) : null,
    ),
  );
}
