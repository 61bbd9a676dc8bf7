/** Query strings, as the engine's plain request holds them. */
import { dict } from './dict';

export class BadQueryEncodingError extends Error {}

/** `a=1&b=x%20y&a=2` → `{ a: ['1', '2'], b: ['x y'] }` (`+` is a space, as forms send it). */
export function parseQueryString(search: string): Record<string, string[]> {
  const text = search.startsWith('?') ? search.slice(1) : search;
  const query = dict<string[]>();
  for (const part of text.split('&')) {
    if (!part) continue;
    const eq = part.indexOf('=');
    const rawName = eq === -1 ? part : part.slice(0, eq);
    const rawValue = eq === -1 ? '' : part.slice(eq + 1);
    try {
      const name = decodeURIComponent(rawName.replace(/\+/g, ' '));
      const value = decodeURIComponent(rawValue.replace(/\+/g, ' '));
      const values = query[name];
      if (values) values.push(value);
      else query[name] = [value];
    } catch {
      throw new BadQueryEncodingError(`the query parameter '${part}' has bad percent-encoding`);
    }
  }
  return query;
}
