/**
 * A tiny DOM builder. Everything the page shows from a request (paths, headers, bodies) is
 * client-written text: it only ever becomes text nodes and attribute values, never markup.
 */
type Child = Node | string | number | false | null | undefined;
type Children = Array<Child | Child[] | Child[][]>;
type Attributes = Record<string, string | number | boolean | undefined | EventListener>;

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes: Attributes = {},
  ...children: Children
): HTMLElementTagNameMap[K] {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === undefined || value === false) continue;
    if (typeof value === 'function') element.addEventListener(name.slice(2), value);
    else element.setAttribute(name, value === true ? '' : String(value));
  }
  append(element, children);
  return element;
}

export function append(parent: Node, children: Children): void {
  for (const child of children.flat(2)) {
    if (child === undefined || child === null || child === false) continue;
    parent.appendChild(
      typeof child === 'string' || typeof child === 'number'
        ? document.createTextNode(String(child))
        : child,
    );
  }
}

/** Replaces the children of `parent`. */
export function fill(parent: Element, ...children: Children): void {
  parent.replaceChildren();
  append(parent, children);
}

/** `HH:MM:SS` of an ISO time, in the browser's time zone. */
export function clock(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : date.toLocaleTimeString([], { hour12: false });
}
