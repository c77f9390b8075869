/**
 * Builds DOM nodes. Text goes in as text nodes, never as HTML: names and messages from Graph or other users cannot
 * become markup. Attributes are set one by one; `on*` handlers are functions, not strings.
 */
type Child = Node | string | null | undefined | false;
type Attributes = Record<string, string | boolean | undefined> & { onclick?: never };

export function h<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attributes?: Attributes,
  ...children: Child[]
): HTMLElementTagNameMap[K];
export function h(tag: string, attributes?: Attributes, ...children: Child[]): HTMLElement;
export function h(tag: string, attributes: Attributes = {}, ...children: Child[]): HTMLElement {
  const element = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes)) {
    if (value === false || value === undefined) continue;
    element.setAttribute(name, value === true ? '' : value);
  }
  for (const child of children) {
    if (child === null || child === undefined || child === false) continue;
    element.append(typeof child === 'string' ? document.createTextNode(child) : child);
  }
  return element;
}

/** A Fluent button. Its role is also set as an attribute: the element's own (ElementInternals) role is not seen by every tool. */
export function button(label: string, onClick: () => void, attributes: Attributes = {}): HTMLElement {
  const element = h('fluent-button', { role: 'button', appearance: 'secondary', ...attributes }, label);
  element.addEventListener('click', () => {
    if (element.getAttribute('aria-disabled') !== 'true' && !element.hasAttribute('disabled')) onClick();
  });
  return element;
}
