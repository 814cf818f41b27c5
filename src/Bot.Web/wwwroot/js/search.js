// Search-only mode: the ranked passages for a query, without an answer.
import { api, describeError, query } from './api.js';
import { $, el, formatDate, metaLine } from './dom.js';
import { currentFilters, onFiltersChange } from './filters.js';
import { openArticle } from './panel.js';

const resultCount = 20;
let lastQuery = '';
let request = 0;

export function initSearch() {
  $('search-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const text = $('search-query').value.trim();
    if (text) search(text);
  });
  onFiltersChange(() => {
    if (lastQuery) search(lastQuery);
  });
}

async function search(text) {
  const mine = ++request;
  lastQuery = text;
  const status = $('search-status');
  status.textContent = 'Searching…';
  $('search-results').setAttribute('aria-busy', 'true');
  try {
    const result = await api.get(`/api/search${query({ q: text, top: resultCount, ...currentFilters() })}`);
    if (mine !== request) return;
    const passages = result.passages ?? [];
    status.replaceChildren(
      passages.length === 0 ? `No passages match “${text}”.` : `${passages.length} passage${passages.length === 1 ? '' : 's'} for “${text}”.`,
      result.notice ? el('span', { class: 'notice' }, result.notice) : '');
    $('search-results').replaceChildren(...passages.map((passage) => passageItem(passage, text)));
  } catch (error) {
    if (mine !== request) return;
    status.textContent = describeError(error);
    $('search-results').replaceChildren();
  } finally {
    if (mine === request) $('search-results').removeAttribute('aria-busy');
  }
}

function passageItem({ chunk, article }, text) {
  const place = article.chunkCount > 1 ? `passage ${chunk.ordinal + 1} of ${article.chunkCount}` : '';
  return el('li', { class: 'passage' },
    el('h2', { class: 'passage-title' },
      el('button', {
        type: 'button',
        class: 'link',
        onclick: (event) => openArticle(article.id, { start: chunk.start, end: chunk.end, kicker: 'Passage', highlight: 'excerpt', from: event.currentTarget }),
      }, article.title || 'Untitled article')),
    el('p', { class: 'meta' }, metaLine(article.source, formatDate(article.published), place)),
    el('p', { class: 'passage-text' }, ...markTerms(chunk.text, text)));
}

/** The passage as text nodes with the query's words in <mark>, so readers see why it matched. */
function markTerms(passage, text) {
  const words = [...new Set(text.toLowerCase().match(/[\p{L}\p{N}]{3,}/gu) ?? [])];
  if (words.length === 0) return [passage];
  const escaped = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  const pattern = new RegExp(`(?<![\\p{L}\\p{N}])(?:${escaped.join('|')})[\\p{L}]*`, 'giu');
  const nodes = [];
  let copied = 0;
  for (const match of passage.matchAll(pattern)) {
    nodes.push(passage.slice(copied, match.index), el('mark', { class: 'term' }, match[0]));
    copied = match.index + match[0].length;
  }
  nodes.push(passage.slice(copied));
  return nodes;
}
