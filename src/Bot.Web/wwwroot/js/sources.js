// The Sources panel of the articles view (admins): each feed, sitemap or folder the archive keeps in sync,
// with its status, last sync, counts and last error, and "Sync now".
import { api, describeError } from './api.js';
import { $, el, metaLine } from './dom.js';

const pollMs = 1000;
const timeFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });
let syncedListener = () => {};
let timer = 0;

/** Calls `listener` after a sync this panel started has finished, so the article list can refresh. */
export const onSourceSynced = (listener) => { syncedListener = listener; };

export async function loadSources() {
  clearTimeout(timer);
  const status = $('sources-status');
  let sources;
  try {
    sources = await api.get('/api/sources');
  } catch (error) {
    status.textContent = describeError(error);
    return;
  }
  $('sources-count').textContent = `(${sources.length})`;
  status.textContent = sources.length === 0 ? 'No sources yet: add feeds, sitemaps or folders with the command line or POST /api/sources.' : '';
  $('source-list').replaceChildren(...sources.map(sourceItem));
  // While a sync runs, the panel follows it.
  if (sources.some((source) => source.syncing)) timer = setTimeout(followSyncs, pollMs);
}

async function followSyncs() {
  await loadSources();
  if (!document.querySelector('.source-item[data-syncing="true"]')) syncedListener();
}

function sourceItem({ definition, state, syncing }) {
  const counts = state.lastCounts;
  const failing = state.consecutiveFailures > 0;
  const summary = counts
    ? `${counts.added} added, ${counts.updated} updated, ${counts.notModified + counts.unchanged} unchanged, ${counts.failed} failed` +
      (counts.deferred ? `, ${counts.deferred} left for later` : '')
    : '';
  const status = syncing ? 'Syncing…' : !state.lastFinished ? 'Never synced' : failing ? `Failing (${state.consecutiveFailures} in a row)` : 'OK';
  const button = el('button', {
    type: 'button', class: 'quiet small', disabled: syncing, 'aria-label': `Sync ${definition.name} now`,
    onclick: () => syncNow(definition.name, button),
  }, 'Sync now');
  return el('li', { class: 'source-item', 'data-syncing': String(Boolean(syncing)), 'data-failing': String(failing) },
    el('div', { class: 'source-main' },
      el('h3', { class: 'source-name' }, definition.name,
        el('span', { class: `source-state${failing ? ' bad' : ''}` }, status)),
      el('p', { class: 'meta' }, metaLine(definition.kind, definition.location)),
      el('p', { class: 'meta' }, metaLine(
        state.lastFinished ? `Last sync ${formatTime(state.lastFinished)}` : '',
        summary,
        state.nextDue ? `next ${formatTime(state.nextDue)}` : '')),
      state.lastError ? el('p', { class: 'source-error' }, `Last error: ${state.lastError}`) : null),
    button);
}

async function syncNow(name, button) {
  button.disabled = true;
  try {
    await api.post(`/api/sources/${encodeURIComponent(name)}/sync`);
  } catch (error) {
    $('sources-status').textContent = describeError(error);
  }
  // A short sync may be over before this answer arrives: follow it either way, so the articles refresh.
  await followSyncs();
}

function formatTime(iso) {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? '' : timeFormat.format(date);
}
