/**
 * The Host check of every request (DNS rebinding). A page on an attacker's domain whose name
 * resolves to 127.0.0.1 is, for the browser, the attacker's own origin: it may read whatever the
 * stub answers, the journal of every request included. The one thing such a page cannot choose
 * is the Host header, which stays the attacker's name; so the stub answers only requests whose
 * Host names it: the loopback names, the address it is bound to, the hosts of the allowed
 * origins, and the names given with --allowed-host (a proxy, an MFE dev server forwarding with
 * its own Host, Tutor's `local.openedx.io`). The port is not checked: a dev-server proxy keeps
 * its own port in the Host it forwards, and no rebinding page can pick the name.
 */
import { networkInterfaces } from 'node:os';
import type { Problem } from '../engine';
import { problem } from '../front-door/problems';

/** Loopback names a browser or a tool reaches a stub on 127.0.0.1 with. */
export const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Binding to these listens everywhere; they are no host name a client uses. */
export const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]', '::']);
/** `name` or `name:port`, a name being a DNS name, an IPv4 address or a bracketed IPv6 one. */
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9_.-]+)(?::(\d{1,5}))?$/;
/** Clients send the same Host over and over: each is checked once. Bounded, so a client
 *  inventing Host headers cannot grow it; past the bound, hosts are checked each time. */
const MAX_REMEMBERED_HOSTS = 64;

/** A host as a Host header writes it: lower case, an IPv6 address in brackets. */
export const hostHeaderName = (host: string): string =>
  host.includes(':') && !host.startsWith('[') ? `[${host.toLowerCase()}]` : host.toLowerCase();

/** The host name of a Host header (`localhost:18000` → `localhost`), or undefined when it is
 *  not a host at all. */
export function hostNameOf(header: string): { name: string; port?: string } | undefined {
  const match = HOST_HEADER.exec(header.toLowerCase());
  if (!match) return undefined;
  const [, name, port] = match;
  return port === undefined ? { name: name as string } : { name: name as string, port };
}

/** The addresses of this machine's interfaces: what a client on the network uses to reach a
 *  stub bound to 0.0.0.0 or ::. */
function interfaceAddresses(): string[] {
  return Object.values(networkInterfaces())
    .flatMap((list) => list ?? [])
    .map((info) => hostHeaderName(info.address.replace(/%.*$/, '')));
}

export interface HostNamesOptions {
  /** The interface the stub is bound to (`--host`). */
  host: string;
  /** Host names of the allowed origins (`--origin`, and the defaults). */
  originHosts: Iterable<string>;
  /** More names it answers to (`--allowed-host`). */
  allowedHosts?: Iterable<string>;
}

/** Every host name the stub answers to. */
export function stubHostNames(options: HostNamesOptions): Set<string> {
  const bound = hostHeaderName(options.host);
  const names = new Set(
    [...LOOPBACK_HOSTS, bound, ...options.originHosts, ...(options.allowedHosts ?? [])]
      .map(hostHeaderName)
      .filter((name) => !WILDCARD_HOSTS.has(name)),
  );
  if (WILDCARD_HOSTS.has(bound)) for (const address of interfaceAddresses()) names.add(address);
  return names;
}

/**
 * A check of a request's Host header: undefined when the stub answers to it, else the 421
 * problem to answer with. A request without a Host (HTTP/1.0 tools) passes: every browser
 * sends one.
 */
export function createHostCheck(names: ReadonlySet<string>): (header: string | undefined) => {
  problem?: Problem;
} {
  const ok = {};
  const remembered = new Map<string, { problem?: Problem }>();
  const shown = [...names].join(', ');

  function check(header: string): { problem?: Problem } {
    const parsed = hostNameOf(header);
    if (parsed && names.has(parsed.name)) return ok;
    const name = parsed?.name ?? header;
    return {
      problem: problem(
        'HOST_NOT_ALLOWED',
        `The Host '${header}' is not a name this stub answers to (${shown}): a page on another ` +
          'domain that resolves to this machine could otherwise read the stub. If you reach the ' +
          `stub by this name (a proxy, an MFE dev server, a Tutor host), start it with --allowed-host ${name}.`,
      ),
    };
  }

  return (header) => {
    if (header === undefined) return ok;
    const known = remembered.get(header);
    if (known !== undefined) return known;
    const result = check(header);
    if (remembered.size < MAX_REMEMBERED_HOSTS) remembered.set(header, result);
    return result;
  };
}
