/**
 * XML request bodies (V3), matched as pact_matching's xml.rs does rather than as text, so a
 * reordered attribute, other whitespace or an equivalent serialisation still fits:
 *  - the root element's name must be the same;
 *  - attributes compare by name, in any order (`$.root['@name']` rules); an attribute the
 *    contract does not have is unexpected (a request allows no unexpected keys);
 *  - text compares trimmed (`$.root.child['#text']` rules, or a rule on the element itself);
 *  - child elements compare by name, the n-th `<item>` with the n-th expected `<item>`;
 *    missing and unexpected children are mismatches. A type rule with min/max on an element
 *    (`$.animals`) bounds its number of children; a type rule on it or on the children's path
 *    (`$.animals.alligator`) lets every actual child follow the first expected one.
 * Paths have no indexes: `$.alligator.favouriteColours.favouriteColour` names every such
 * element, as in the specification's XML cases.
 *
 * Parsing is fast-xml-parser: pure JavaScript (the engine must also run in a browser, inside
 * the msw bundle), maintained, with a validator, and an order-preserving mode that keeps
 * mixed content and repeated elements in document order.
 */
import { XMLParser, XMLValidator } from 'fast-xml-parser';
import { formatPath, pathWeight } from './json-path';
import { type BodyMismatch, matchStringList } from './matchers';
import type { BodyRules, RuleList } from './rules';

export interface XmlElement {
  name: string;
  attributes: Map<string, string>;
  text: string;
  children: XmlElement[];
}

type OrderedNode = { [name: string]: OrderedNode[] | string | Record<string, string> };

const parser = new XMLParser({
  ignoreAttributes: false,
  attributeNamePrefix: '',
  preserveOrder: true,
  trimValues: true,
  parseTagValue: false,
  parseAttributeValue: false,
  ignoreDeclaration: true,
  ignorePiTags: true,
  commentPropName: '#comment',
  // The stub never expands entities: a request cannot make it build large strings.
  processEntities: false,
});

function toElement(node: OrderedNode): XmlElement | undefined {
  const name = Object.keys(node).find(
    (key) => key !== ':@' && key !== '#text' && key !== '#comment',
  );
  if (name === undefined) return undefined;
  const attributes = new Map(Object.entries((node[':@'] as Record<string, string>) ?? {}));
  let text = '';
  const children: XmlElement[] = [];
  for (const child of node[name] as OrderedNode[]) {
    if (typeof child['#text'] === 'string' || typeof child['#text'] === 'number')
      text += String(child['#text']);
    else {
      const element = toElement(child);
      if (element) children.push(element);
    }
  }
  return { name, attributes, text: text.trim(), children };
}

export class XmlSyntaxError extends Error {}

/** The root element of an XML document; throws XmlSyntaxError when it is not well-formed. */
export function parseXml(text: string): XmlElement {
  const valid = XMLValidator.validate(text);
  if (valid !== true) throw new XmlSyntaxError(`${valid.err.msg} (line ${valid.err.line})`);
  const nodes = parser.parse(text) as OrderedNode[];
  const roots = nodes.map(toElement).filter((e): e is XmlElement => e !== undefined);
  if (roots.length !== 1)
    throw new XmlSyntaxError(`expected one root element, found ${roots.length}`);
  return roots[0] as XmlElement;
}

export const isXmlContentType = (contentType: string | undefined): boolean =>
  /^(application|text)\/([\w.-]+\+)?xml\b/i.test((contentType ?? '').trim());

/** Compares XML elements with body rules (request semantics: nothing unexpected). */
export class XmlComparator {
  constructor(private readonly rules: BodyRules) {}

  compare(expected: XmlElement, actual: XmlElement): BodyMismatch[] {
    const out: BodyMismatch[] = [];
    if (expected.name !== actual.name) {
      out.push({
        path: '$',
        reason: `expected root element <${expected.name}> but got <${actual.name}>`,
      });
      return out;
    }
    this.element(['$', expected.name], expected, actual, out);
    return out;
  }

  private best(path: string[]): { list: RuleList; cascaded: boolean } | undefined {
    let chosen: { list: RuleList; cascaded: boolean } | undefined;
    let score = 0;
    for (const entry of this.rules) {
      const weight = pathWeight(entry.tokens, path) * entry.tokens.length;
      if (weight > score) {
        score = weight;
        chosen = { list: entry.list, cascaded: entry.tokens.length !== path.length };
      }
    }
    return chosen;
  }

  private element(path: string[], expected: XmlElement, actual: XmlElement, out: BodyMismatch[]) {
    const where = formatPath(path);
    // Attributes, by name.
    for (const [name, value] of expected.attributes) {
      const got = actual.attributes.get(name);
      const at = [...path, `@${name}`];
      if (got === undefined) {
        out.push({ path: formatPath(at), reason: `missing attribute ${name}` });
        continue;
      }
      const rule = this.best(at);
      const reasons = rule
        ? matchStringList(rule.list, value, got)
        : value === got
          ? []
          : [`expected '${value}' but got '${got}'`];
      for (const reason of reasons) out.push({ path: formatPath(at), reason });
    }
    for (const name of actual.attributes.keys())
      if (!expected.attributes.has(name))
        out.push({ path: where, reason: `unexpected attribute ${name}` });
    // Text.
    const textRule = this.best([...path, '#text']);
    if (textRule) {
      for (const reason of matchStringList(textRule.list, expected.text, actual.text))
        out.push({ path: `${where}['#text']`, reason });
    } else if (expected.text !== actual.text) {
      out.push({
        path: where,
        reason: `expected text '${expected.text}' but got '${actual.text}'`,
      });
    }
    // Children. A type rule on this element (`$.animals`, min/max) bounds how many children
    // it has, as the specification's XML array cases do; a type rule on a child's path (or
    // on this element) lets any number of such children follow the first expected one.
    const own = this.best(path);
    const ownType =
      own && !own.cascaded ? own.list.rules.find((r) => r.kind === 'type') : undefined;
    if (ownType?.kind === 'type') {
      const count = actual.children.length;
      if (ownType.min !== undefined && count < ownType.min)
        out.push({
          path: where,
          reason: `expected at least ${ownType.min} child element(s) but got ${count}`,
        });
      if (ownType.max !== undefined && count > ownType.max)
        out.push({
          path: where,
          reason: `expected at most ${ownType.max} child element(s) but got ${count}`,
        });
    }
    const names = [...new Set(expected.children.map((c) => c.name))];
    for (const name of names) {
      const wanted = expected.children.filter((c) => c.name === name);
      const got = actual.children.filter((c) => c.name === name);
      const at = [...path, name];
      const rule = this.best(at);
      const like = ownType !== undefined || rule?.list.rules.some((r) => r.kind === 'type');
      if (like) {
        if (got.length === 0) out.push({ path: where, reason: `missing element <${name}>` });
        for (const [i, child] of got.entries())
          this.element(at, wanted[i] ?? (wanted[0] as XmlElement), child, out);
        continue;
      }
      for (const [i, child] of wanted.entries()) {
        const other = got[i];
        if (other) this.element(at, child, other, out);
        else out.push({ path: where, reason: `missing element <${name}> (number ${i + 1})` });
      }
      if (got.length > wanted.length)
        out.push({
          path: where,
          reason: `unexpected element <${name}> (${got.length} instead of ${wanted.length})`,
        });
    }
    for (const child of actual.children)
      if (!names.includes(child.name))
        out.push({ path: where, reason: `unexpected element <${child.name}>` });
  }
}
