// Talks to the REST API: adds the API key, turns RFC 7807 problem details into ApiError, streams answers.
import { readEvents } from './sse.js';

const keyStorage = 'newsbot.apiKey';
let unauthorizedHandler = () => {};

export class ApiError extends Error {
  constructor(status, problem) {
    super(problem?.detail || problem?.title || `The server answered ${status}.`);
    this.status = status;
    this.problem = problem;
  }
}

export const apiKey = () => localStorage.getItem(keyStorage) ?? '';
export function setApiKey(key) {
  if (key) localStorage.setItem(keyStorage, key);
  else localStorage.removeItem(keyStorage);
}

/** Called with the failed request's error whenever the server answers 401 (missing or unknown key). */
export function onUnauthorized(handler) {
  unauthorizedHandler = handler;
}

function headers(extra = {}) {
  const result = new Headers(extra);
  const key = apiKey();
  if (key) result.set('X-Api-Key', key);
  return result;
}

async function failure(response) {
  let problem = null;
  try {
    problem = await response.json();
  } catch {
    // Not JSON (a proxy's error page, say): the status alone explains it.
  }
  const error = new ApiError(response.status, problem);
  if (response.status === 401) unauthorizedHandler(error);
  return error;
}

async function send(method, path, { json, form, signal } = {}) {
  const init = { method, signal, headers: headers({ Accept: 'application/json' }) };
  if (json !== undefined) {
    init.headers.set('Content-Type', 'application/json');
    init.body = JSON.stringify(json);
  } else if (form !== undefined) {
    init.body = form;
  }
  const response = await fetch(path, init);
  if (!response.ok) throw await failure(response);
  return response.status === 204 ? null : response.json();
}

export const api = {
  get: (path, options) => send('GET', path, options),
  post: (path, json, options) => send('POST', path, { ...options, json }),
  upload: (path, form, options) => send('POST', path, { ...options, form }),
  delete: (path, options) => send('DELETE', path, options),

  /** POSTs and yields the server-sent events of the response. */
  async *stream(path, json, { signal } = {}) {
    const response = await fetch(path, {
      method: 'POST',
      signal,
      headers: headers({ Accept: 'text/event-stream', 'Content-Type': 'application/json' }),
      body: JSON.stringify(json),
    });
    if (!response.ok) throw await failure(response);
    yield* readEvents(response.body);
  },
};

/** A query string from the values that are set. */
export function query(values) {
  const params = new URLSearchParams();
  for (const [name, value] of Object.entries(values)) {
    if (value === undefined || value === null || value === '') continue;
    params.append(name, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

/** What to tell the user about a failed request. */
export function describeError(error) {
  if (error instanceof ApiError) {
    if (error.status === 401) return 'Your API key was not accepted.';
    if (error.status === 403) return 'Your API key does not allow this (it needs the admin role).';
    if (error.status === 413) return 'That is too large for the server to accept.';
    return error.message;
  }
  if (error?.name === 'AbortError') return 'Cancelled.';
  return 'The server could not be reached. Check your connection and try again.';
}
