// The shared filters (date range, source) that narrow answers, searches and the article list.
import { api } from './api.js';
import { $, el, formatDate } from './dom.js';

const listeners = [];
let sourcesLoaded = false;

/** The filters that are set, as the API names them: {from, to, source}. */
export function currentFilters() {
  const form = $('filter-form');
  const filters = {};
  for (const name of ['from', 'to', 'source']) {
    const value = form.elements[name].value.trim();
    if (value) filters[name] = value;
  }
  return filters;
}

/** Calls `listener` whenever the filters change. */
export const onFiltersChange = (listener) => listeners.push(listener);

export function initFilters() {
  const form = $('filter-form');
  const changed = () => {
    summarize();
    for (const listener of listeners) listener(currentFilters());
  };
  form.addEventListener('change', changed);
  // "reset" fires before the fields are cleared.
  form.addEventListener('reset', () => setTimeout(changed));
  form.addEventListener('submit', (event) => event.preventDefault());
  $('filters').addEventListener('toggle', () => {
    if ($('filters').open) loadSources();
  });
  summarize();
}

/** Forgets the known sources so the next opening of the filters lists them afresh (after an ingest). */
export function refreshSources() {
  sourcesLoaded = false;
  if ($('filters').open) loadSources();
}

function summarize() {
  const { from, to, source } = currentFilters();
  const parts = [];
  if (from && to) parts.push(`${formatDate(from)} – ${formatDate(to)}`);
  else if (from) parts.push(`from ${formatDate(from)}`);
  else if (to) parts.push(`until ${formatDate(to)}`);
  if (source) parts.push(source);
  $('filter-summary').textContent = parts.length ? parts.join(' · ') : 'all articles';
  $('filters').classList.toggle('is-active', parts.length > 0);
}

// Offers the sources of the archive's most recent articles as suggestions; typing any other source still works.
async function loadSources() {
  if (sourcesLoaded) return;
  sourcesLoaded = true;
  try {
    const page = await api.get('/api/articles?limit=500');
    const sources = [...new Set(page.items.map((article) => article.source).filter(Boolean))].sort();
    $('sources').replaceChildren(...sources.map((source) => el('option', { value: source })));
  } catch {
    sourcesLoaded = false;
  }
}
