/**
 * The core one running stub keeps between requests: its recorder (bounded, numbered, the one
 * both transports read), its selection, and the events it tells listeners about them.
 */

import type { CoreEvent } from './core';
import { StubCore } from './core';
import type { RequestRecord } from './record';
import { redactBody, sentRequest } from './record';

const personas = {
  personas: new Map([
    ['verified-learner', { name: 'verified-learner' }],
    ['staff', { name: 'staff' }],
  ]),
  defaultPersona: 'verified-learner',
  isPersonaState: () => false,
  satisfiedBy: () => new Map(),
};

function coreServing(recordLimit?: number): StubCore {
  const core = new StubCore('verified-learner', undefined, recordLimit);
  core.selection.serve(() => ({
    personas: personas as never,
    stateNames: new Set(['user tours are disabled']),
  }));
  return core;
}

const request = (url: string): RequestRecord => ({
  timeMs: 0,
  method: 'GET',
  url,
  status: 200,
  durationMs: 0,
  persona: 'verified-learner',
  outcome: 'matched',
  request: { headers: {} },
});

describe('the core', () => {
  it('tells its listeners of each request recorded, persona or state change, and reset', () => {
    // Arrange
    const core = coreServing();
    const events: CoreEvent[] = [];
    const stop = core.subscribe((event) => events.push(event));

    // Act
    core.recorder.record(request('/one'));
    core.selection.choosePersona('staff');
    core.selection.choosePersona('wizard');
    core.selection.chooseState({ name: 'user tours are disabled' });
    core.reset();
    stop();
    core.recorder.record(request('/after'));

    // Assert
    expect(events.map((event) => event.type)).toEqual([
      'request',
      'selection',
      'selection',
      'selection',
      'reset',
    ]);
    expect(events[0]).toMatchObject({ record: { url: '/one', seq: 1 } });
    expect(events[1]).toEqual({ type: 'selection', persona: 'staff', state: undefined });
    expect(events[2]).toMatchObject({ state: { name: 'user tours are disabled' } });
    expect(events[3]).toEqual({ type: 'selection', persona: 'verified-learner', state: undefined });
  });

  it('keeps the last records up to its limit, oldest first, numbering on after a reset', () => {
    // Arrange
    const core = coreServing(3);

    // Act
    for (const url of ['/1', '/2', '/3', '/4', '/5']) core.recorder.record(request(url));
    const full = core.recorder.list();
    core.reset();
    core.recorder.record(request('/6'));

    // Assert
    expect(full.map((r) => [r.seq, r.url])).toEqual([
      [3, '/3'],
      [4, '/4'],
      [5, '/5'],
    ]);
    expect(core.recorder.list().map((r) => r.seq)).toEqual([6]);
    expect(core.recorder.lastSeq).toBe(6);
  });
});

describe('what a record keeps of a request body', () => {
  const FORM = 'application/x-www-form-urlencoded';

  it.each([
    ['a login form', 'email_or_username=a&password=s3cr3t&next=%2F', FORM],
    ['a password reset form', 'new_password1=s3cr3t&new_password2=s3cr3t', FORM],
    ['a form cut by the body limit', 'email_or_username=a&password=s3c', FORM],
    [
      'JSON at any depth',
      '{"user":{"Password":"s3\\"cr3t"},"client_secret":123}',
      'application/json',
    ],
    ['JSON cut by the body limit', '{"password":"s3cr', 'application/json'],
  ])('redacts the password-like fields of %s', (_case, body, contentType) => {
    // Act
    const redacted = redactBody(body, contentType);

    // Assert
    expect(redacted).toContain('[redacted]');
    expect(redacted).not.toMatch(/s3c|123/);
  });

  it('leaves other bodies, and every body when credentials are kept, as sent', () => {
    // Arrange
    const bytes = new TextEncoder().encode('password=s3cr3t');

    // Act
    const kept = sentRequest({ 'content-type': FORM }, bytes, 1024, true);
    const text = sentRequest({ 'content-type': 'text/plain' }, bytes, 1024, false);
    const redacted = sentRequest({ 'content-type': FORM }, bytes, 1024, false);

    // Assert
    expect(kept.body).toBe('password=s3cr3t');
    expect(text.body).toBe('password=s3cr3t');
    expect(redacted.body).toBe('password=[redacted]');
    expect(redactBody('{"username":"nia"}', 'application/json')).toBe('{"username":"nia"}');
  });
});
