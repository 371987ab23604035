// Small DOM helpers: elements are built, never parsed from strings, so no data from the API is ever read as HTML.

/** h('div.card#id', {title: 'x', onclick: fn}, child, 'text', [more]) */
export function h(spec, attrs, ...children) {
  const [, tag = 'div', rest = ''] = /^([a-z0-9-]*)(.*)$/i.exec(spec);
  const el = document.createElement(tag || 'div');
  for (const part of rest.match(/[.#][^.#]+/g) || []) {
    if (part[0] === '.') el.classList.add(part.slice(1));
    else el.id = part.slice(1);
  }
  if (attrs && (typeof attrs !== 'object' || attrs instanceof Node || Array.isArray(attrs))) {
    children.unshift(attrs);
    attrs = null;
  }
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value === null || value === undefined || value === false) continue;
    if (key.startsWith('on')) el.addEventListener(key.slice(2), value);
    else if (key === 'dataset') Object.assign(el.dataset, value);
    else el.setAttribute(key, value === true ? '' : String(value));
  }
  append(el, children);
  return el;
}

/** An SVG element with attributes. */
export function svg(tag, attrs, ...children) {
  const el = document.createElementNS('http://www.w3.org/2000/svg', tag);
  for (const [key, value] of Object.entries(attrs || {})) {
    if (value !== null && value !== undefined) el.setAttribute(key, String(value));
  }
  append(el, children);
  return el;
}

function append(el, children) {
  for (const child of children.flat(Infinity)) {
    if (child === null || child === undefined || child === false) continue;
    el.append(child instanceof Node ? child : document.createTextNode(String(child)));
  }
}

/** Replaces the children of el. */
export function mount(el, ...children) {
  el.replaceChildren();
  append(el, children);
  return el;
}

/** A time as the debtor's clock shows it, with the UTC instant in the title. */
export function localTime(iso, zone, withDate = true) {
  if (!iso) return '';
  const at = new Date(iso);
  const options = { hour: '2-digit', minute: '2-digit', second: '2-digit', hourCycle: 'h23', timeZone: zone || 'UTC' };
  if (withDate) Object.assign(options, { weekday: 'short', year: 'numeric', month: 'short', day: 'numeric' });
  try {
    return new Intl.DateTimeFormat('en-GB', options).format(at);
  } catch (e) {
    return at.toISOString();
  }
}

export function pill(text, kind) {
  return h(`span.pill${kind ? '.' + kind : ''}`, text);
}

/** A message in the view area: loading, an error, an empty state. */
export function notice(text, kind = 'info') {
  return h(`p.notice.${kind}`, { role: kind === 'error' ? 'alert' : 'status' }, text);
}
