// The side panel (a full-screen sheet on phones): one article, with the cited passage highlighted.
import { api, describeError } from './api.js';
import { $, el, formatDate, metaLine, safeHttpUrl } from './dom.js';

let opener = null;
let request = 0;

export const isPanelOpen = () => !$('panel').hidden;

/**
 * Shows article `articleId`; when `start`/`end` are given, text[start..end) is highlighted and scrolled into view.
 * `kicker` names what the panel shows ("Source 1", "Passage"); `highlight` is the mark's class: "quote" for a
 * cited sentence, "excerpt" for a whole search passage; `from` is the control to return focus to.
 */
export async function openArticle(articleId, { start, end, kicker = 'Article', highlight = 'quote', from } = {}) {
  const mine = ++request;
  setOpener(from ?? document.activeElement);
  const panel = $('panel');
  panel.hidden = false;
  document.body.classList.add('panel-open');
  $('panel-kicker').textContent = kicker;
  $('panel-title').textContent = 'Loading the article…';
  $('panel-meta').textContent = '';
  $('panel-link-row').hidden = true;
  $('panel-text').replaceChildren();
  panel.setAttribute('aria-busy', 'true');
  $('panel-title').focus({ preventScroll: true });

  let article;
  try {
    article = await api.get(`/api/articles/${encodeURIComponent(articleId)}`);
  } catch (error) {
    if (mine !== request) return;
    $('panel-title').textContent = error.status === 404 ? 'This article is no longer in the archive.' : describeError(error);
    panel.removeAttribute('aria-busy');
    return;
  }
  if (mine !== request) return;
  show(article, start, end, highlight);
  panel.removeAttribute('aria-busy');
}

export function closePanel() {
  if (!isPanelOpen()) return;
  request++;
  $('panel').hidden = true;
  document.body.classList.remove('panel-open');
  const target = opener;
  setOpener(null);
  if (target?.isConnected) target.focus();
  else $('question').focus();
}

function setOpener(control) {
  opener?.classList.remove('is-open');
  opener = control instanceof HTMLElement && control !== document.body ? control : null;
  opener?.classList.add('is-open');
}

function show(article, start, end, highlight) {
  $('panel-title').textContent = article.title || 'Untitled article';
  $('panel-meta').textContent = metaLine(formatDate(article.published), article.source, article.author, article.place);
  const url = safeHttpUrl(article.url);
  $('panel-link-row').hidden = !url;
  if (url) $('panel-link').href = url;

  const { paragraphs, firstMark } = paragraphsWithMark(article.text ?? '', start, end, highlight);
  $('panel-text').replaceChildren(...paragraphs);
  $('panel-title').focus({ preventScroll: true });
  if (firstMark) firstMark.scrollIntoView({ block: 'center' });
  else $('panel-body').scrollTop = 0;
}

/** The article as paragraphs (one per line), with the characters [start, end) wrapped in <mark class="{kind}">. */
function paragraphsWithMark(text, start, end, kind) {
  const wanted = Number.isInteger(start) && Number.isInteger(end) && end > start;
  const paragraphs = [];
  let firstMark = null;
  let offset = 0;
  for (const line of text.split('\n')) {
    const lineStart = offset;
    const lineEnd = offset + line.length;
    offset = lineEnd + 1;
    if (line.trim() === '') continue;
    const paragraph = el('p');
    if (wanted && start < lineEnd && end > lineStart) {
      const from = Math.max(start, lineStart) - lineStart;
      const to = Math.min(end, lineEnd) - lineStart;
      const mark = el('mark', { class: kind }, line.slice(from, to));
      paragraph.append(line.slice(0, from), mark, line.slice(to));
      firstMark ??= mark;
    } else {
      paragraph.append(line);
    }
    paragraphs.push(paragraph);
  }
  return { paragraphs, firstMark };
}
