// Small DOM helpers. Everything the server sends (article and answer text included) is untrusted:
// it only ever reaches the page as text nodes or checked attribute values, never as HTML.

/** Creates an element; props set attributes (or `text`, `class`, `on*` listeners); children become nodes or text. */
export function el(tag, props = {}, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(props)) {
    if (value === undefined || value === null || value === false) continue;
    if (name === 'text') node.textContent = value;
    else if (name === 'class') node.className = value;
    else if (name.startsWith('on') && typeof value === 'function') node.addEventListener(name.slice(2), value);
    else node.setAttribute(name, value === true ? '' : String(value));
  }
  node.append(...children.flat().filter((child) => child !== undefined && child !== null && child !== false));
  return node;
}

export const $ = (id) => document.getElementById(id);

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeZone: 'UTC' });

/** "Nov 1, 2017" for an ISO date; archive dates are calendar days, so they are shown in UTC. */
export function formatDate(iso) {
  if (!iso) return '';
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : dateFormat.format(date);
}

/** The URL when it is a web address, so an article's link can never run script (javascript:, data:). */
export function safeHttpUrl(url) {
  if (!url) return null;
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:' ? parsed.href : null;
  } catch {
    return null;
  }
}

/** Joins the parts that exist with a middle dot: "Reuters · Nov 1, 2017". */
export const metaLine = (...parts) => parts.filter((part) => part).join(' · ');

/** A random id that also works outside secure contexts (crypto.randomUUID needs https or localhost). */
export function randomId() {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
