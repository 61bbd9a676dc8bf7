/**
 * The interactions worth scoring when a request matches none: found through indexes, not by
 * scoring every interaction (at 5,000 interactions that cost tens of milliseconds per miss).
 * The explanation ranks interactions by path fit, then method fit, then how many leading path
 * segments they share with the request, then fewest reasons; so the candidates are, in that
 * order, the interactions whose method and path fit (the router), those whose path fits with
 * another method (the router again, per method served), and those sharing the longest leading
 * segments (an index of every leading-segment prefix of the interactions' paths), up to a
 * bound. The closest interactions are among them; only ties at the same shared depth past the
 * bound are left unscored.
 */
import type { Router } from './router';
import type { HttpInteraction } from './types';

/** How many interactions a miss scores at most (besides those whose path fits). */
export const MAX_MISS_CANDIDATES = 24;

export class MissCandidates {
  private readonly methods: string[];
  /** Interaction → its place in served order. */
  private readonly order: Map<HttpInteraction, number>;
  /** Leading path segments joined with '/' → interactions whose path starts with them, in
   *  served order. Built on the first miss. */
  private byPrefix: Map<string, HttpInteraction[]> | undefined;

  constructor(
    private readonly interactions: readonly HttpInteraction[],
    private readonly router: Router,
  ) {
    this.methods = [...new Set(interactions.map((i) => i.request.method))];
    this.order = new Map(interactions.map((interaction, n) => [interaction, n]));
  }

  private prefixIndex(): Map<string, HttpInteraction[]> {
    if (this.byPrefix) return this.byPrefix;
    const index = new Map<string, HttpInteraction[]>();
    for (const interaction of this.interactions) {
      const segments = interaction.request.path.split('/');
      for (let depth = 0; depth <= segments.length; depth += 1) {
        const key = segments.slice(0, depth).join('/');
        const list = index.get(key);
        if (list) list.push(interaction);
        else index.set(key, [interaction]);
      }
    }
    this.byPrefix = index;
    return index;
  }

  /** The interactions to score for a request that none matched, in served order. */
  find(method: string, rawPath: string, segments: string[]): HttpInteraction[] {
    const chosen = new Set<HttpInteraction>();
    for (const route of this.router.find(method, rawPath, segments)) chosen.add(route.interaction);
    for (const other of this.methods) {
      if (other === method) continue;
      for (const route of this.router.find(other, rawPath, segments)) chosen.add(route.interaction);
    }
    const bound = chosen.size + MAX_MISS_CANDIDATES;
    const index = this.prefixIndex();
    // The explanation compares the request's decoded segments with the interaction's path.
    for (let depth = segments.length; depth >= 0 && chosen.size < bound; depth -= 1) {
      const list = index.get(segments.slice(0, depth).join('/'));
      if (!list) continue;
      for (const interaction of list) {
        if (chosen.size >= bound) break;
        chosen.add(interaction);
      }
    }
    // Served order, so that ties keep the order a full scan would give them.
    const { order } = this;
    return [...chosen].sort((a, b) => (order.get(a) ?? 0) - (order.get(b) ?? 0));
  }
}
