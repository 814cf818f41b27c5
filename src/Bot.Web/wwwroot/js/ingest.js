// Adding articles (admins): upload files or name web pages, then follow the ingest job until it ends.
import { api, describeError } from './api.js';
import { $, el } from './dom.js';

const pollMs = 600;
let finishedListener = () => {};

/** Calls `listener` after each ingest that finished, so lists can refresh. */
export const onIngestFinished = (listener) => { finishedListener = listener; };

export function initIngest() {
  const form = $('ingest-form');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const files = [...form.elements.files.files];
    const urls = form.elements.urls.value.trim();
    if (files.length === 0 && !urls) {
      report('Choose files or enter web addresses to ingest.');
      return;
    }
    // Built by hand: an empty file input would otherwise send a nameless file.
    const data = new FormData();
    for (const file of files) data.append('files', file, file.name);
    if (urls) data.append('urls', urls);
    const submit = form.querySelector('button[type=submit]');
    submit.disabled = true;
    report('Uploading…', { indeterminate: true });
    try {
      const job = await api.upload('/api/ingest', data);
      form.reset();
      await follow(job);
    } catch (error) {
      report(describeError(error));
    } finally {
      submit.disabled = false;
    }
  });
}

async function follow(job) {
  let status = job;
  for (;;) {
    show(status);
    if (status.state === 'succeeded' || status.state === 'failed') break;
    await new Promise((resolve) => setTimeout(resolve, pollMs));
    status = await api.get(`/api/ingest/${encodeURIComponent(job.id)}`);
  }
  finishedListener(status);
}

function show({ state, progress, report: result, error }) {
  if (state === 'queued') return report('Waiting for the previous ingest to finish…', { indeterminate: true });
  if (state === 'failed') return report(`The ingest failed: ${error || 'unknown error'}.`);
  if (state === 'succeeded') {
    const chunks = `${result.chunks} passage${result.chunks === 1 ? '' : 's'} indexed`;
    const text = `Done in ${seconds(result.elapsed)}: ${result.added} added, ${result.updated} updated, ${result.unchanged} unchanged; ${chunks}.`;
    const problems = (result.problems ?? []).map((p) => `${p.location ?? p.origin}: ${p.reason}`);
    const duplicates = (result.duplicates ?? []).map((d) => `${d.location}: the same article as ${d.firstSeenAt}`);
    return report(text, { done: true, problems: [...problems, ...duplicates] });
  }
  if (!progress || progress.stage === 'reading') {
    return report(progress ? `Reading… ${progress.done} article${progress.done === 1 ? '' : 's'} read.` : 'Starting…', { indeterminate: true });
  }
  const eta = progress.eta ? `, about ${seconds(progress.eta)} left` : '';
  return report(`Indexing ${progress.done} of ${progress.total} articles (${progress.articlesPerSecond.toFixed(1)} a second${eta}).`,
    { value: progress.done, max: progress.total });
}

function report(text, { indeterminate = false, value, max, done = false, problems = [] } = {}) {
  $('ingest-status').hidden = false;
  const bar = $('ingest-progress');
  bar.hidden = !(indeterminate || max || done);
  if (indeterminate) {
    bar.removeAttribute('value');
  } else {
    bar.max = done ? 1 : Math.max(1, max ?? 1);
    bar.value = done ? 1 : (value ?? 0);
  }
  $('ingest-text').textContent = text;
  $('ingest-problems').replaceChildren(...problems.map((problem) => el('li', {}, problem)));
}

/** "1.2 s" from a .NET TimeSpan ("00:00:01.2345678", "1.02:03:04"). */
function seconds(span) {
  const match = /^(?:(\d+)\.)?(\d+):(\d+):(\d+(?:\.\d+)?)$/.exec(span ?? '');
  if (!match) return span ?? '';
  const [, days = 0, hours, minutes, secs] = match;
  const total = ((Number(days) * 24 + Number(hours)) * 60 + Number(minutes)) * 60 + Number(secs);
  if (total < 0.1) return 'under 0.1 s';
  return total < 60 ? `${total.toFixed(1)} s` : `${Math.floor(total / 60)} min ${Math.round(total % 60)} s`;
}
