/**
 * The stub's base URL as a request reached it. Mock-server URLs in answers (LMS_BASE_URL of the
 * runtime config, LOGIN_URL...) and relative redirects are written with it, so an MFE that talks
 * to http://localhost:18000 gets links on `localhost`, where its cookies are, not on the bound
 * 127.0.0.1.
 *
 * The request's Host header is used only when it names this stub: the port it listens on, and a
 * host name it answers to (the loopback names, the address it is bound to, the hosts of the
 * allowed origins). Any other Host gets the bound URL: a Host header is the client's to write,
 * and reflecting an arbitrary one would let a request put a foreign host in the links and
 * redirects the stub hands out.
 */

/** Loopback names a browser or a tool reaches a stub on 127.0.0.1 with. */
const LOOPBACK_HOSTS = ['localhost', '127.0.0.1', '[::1]'];
/** Binding to these listens everywhere; they are no host name a client uses. */
const WILDCARD_HOSTS = new Set(['0.0.0.0', '[::]']);
const HOST_HEADER = /^(\[[0-9a-f:.]+\]|[a-z0-9.-]+)(?::(\d{1,5}))?$/;
/** Clients send the same Host over and over: each is checked once. Bounded, so a client
 *  inventing Host headers cannot grow it; past the bound, hosts are checked each time. */
const MAX_REMEMBERED_HOSTS = 64;

export interface BaseUrlOptions {
  /** The bound URL, e.g. `http://127.0.0.1:18000`: the answer for any other Host. */
  boundUrl: string;
  /** The port the stub listens on. */
  port: number;
  /** The interface it is bound to (`--host`). */
  host: string;
  /** Host names of the allowed origins (`--origin`, and the defaults). */
  allowedHosts: Iterable<string>;
}

export function createBaseUrlResolver(
  options: BaseUrlOptions,
): (host: string | undefined) => string {
  const bound = options.host.includes(':') ? `[${options.host}]` : options.host;
  const names = new Set(
    [...LOOPBACK_HOSTS, bound, ...options.allowedHosts]
      .map((name) => name.toLowerCase())
      .filter((name) => !WILDCARD_HOSTS.has(name)),
  );
  const remembered = new Map<string, string>();

  function resolve(header: string): string {
    const match = HOST_HEADER.exec(header.toLowerCase());
    if (!match) return options.boundUrl;
    const [, name, port] = match;
    if (!names.has(name as string) || Number(port ?? 80) !== options.port) return options.boundUrl;
    return `http://${name}${port === undefined ? '' : `:${options.port}`}`;
  }

  return (header) => {
    if (header === undefined) return options.boundUrl;
    const known = remembered.get(header);
    if (known !== undefined) return known;
    const url = resolve(header);
    if (remembered.size < MAX_REMEMBERED_HOSTS) remembered.set(header, url);
    return url;
  };
}
