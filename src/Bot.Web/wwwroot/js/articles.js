// The articles view: the archive's articles in pages, open one, delete (admins).
import { api, describeError, query } from './api.js';
import { $, el, formatDate, metaLine } from './dom.js';
import { currentFilters, onFiltersChange } from './filters.js';
import { closePanel, openArticle } from './panel.js';
import { isAdmin } from './session.js';

const pageSize = 20;
// A delete button asks once more, for this long, before it deletes.
const confirmWindowMs = 5000;
let offset = 0;
let total = 0;
let request = 0;

export function initArticles() {
  $('prev-page').addEventListener('click', () => loadArticles(Math.max(0, offset - pageSize), { toTop: true }));
  $('next-page').addEventListener('click', () => loadArticles(offset + pageSize, { toTop: true }));
  // Hidden, the list is loaded afresh when the view is shown again.
  onFiltersChange(() => {
    if (!$('view-articles').hidden) loadArticles(0, { toTop: true });
  });
}

/** Shows the page starting at `from` (the current one by default); `toTop` scrolls back to the list's start. */
export async function loadArticles(from = offset, { toTop = false } = {}) {
  const mine = ++request;
  const status = $('articles-status');
  try {
    const page = await api.get(`/api/articles${query({ offset: from, limit: pageSize, ...currentFilters() })}`);
    if (mine !== request) return;
    if (page.items.length === 0 && from > 0 && page.total > 0) return loadArticles(Math.max(0, page.total - pageSize));
    offset = from;
    total = page.total;
    $('article-list').replaceChildren(...page.items.map(articleItem));
    status.textContent = total === 0 ? 'No articles match.' : '';
    $('articles-count').textContent = `${total} article${total === 1 ? '' : 's'}`;
    $('page-info').textContent = total === 0 ? '' : `${offset + 1}–${offset + page.items.length} of ${total}`;
    $('prev-page').disabled = offset === 0;
    $('next-page').disabled = offset + page.items.length >= total;
    if (toTop) $('main').scrollTo({ top: 0 });
  } catch (error) {
    if (mine === request) status.textContent = describeError(error);
  }
}

function articleItem(article) {
  const tags = article.tags?.length ? article.tags.join(', ') : '';
  const passages = `${article.chunkCount} passage${article.chunkCount === 1 ? '' : 's'}`;
  return el('li', { class: 'article-item' },
    el('div', { class: 'article-main' },
      el('h2', { class: 'article-title' },
        el('button', { type: 'button', class: 'link', onclick: (event) => openArticle(article.id, { from: event.currentTarget }) },
          article.title || 'Untitled article')),
      el('p', { class: 'meta' }, metaLine(formatDate(article.published), article.source, passages, tags))),
    isAdmin() ? deleteButton(article) : null);
}

function deleteButton(article) {
  const title = article.title || 'this article';
  const button = el('button', { type: 'button', class: 'danger small', 'aria-label': `Delete “${title}”` }, 'Delete');
  let timer = 0;
  const disarm = () => {
    clearTimeout(timer);
    delete button.dataset.armed;
    button.textContent = 'Delete';
    button.setAttribute('aria-label', `Delete “${title}”`);
  };
  button.addEventListener('click', async () => {
    if (!button.dataset.armed) {
      button.dataset.armed = 'true';
      button.textContent = 'Confirm delete';
      button.setAttribute('aria-label', `Confirm: delete “${title}” from the archive`);
      timer = setTimeout(disarm, confirmWindowMs);
      return;
    }
    clearTimeout(timer);
    button.disabled = true;
    try {
      await api.delete(`/api/articles/${encodeURIComponent(article.id)}`);
      closePanel();
      await loadArticles();
      $('articles-status').textContent = `Deleted “${title}”.`;
    } catch (error) {
      button.disabled = false;
      disarm();
      $('articles-status').textContent = describeError(error);
    }
  });
  button.addEventListener('blur', disarm);
  return button;
}
