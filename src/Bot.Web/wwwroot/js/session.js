// Who the caller is (GET /api/me), and the API key prompt when the server asks for one.
import { api, apiKey, onUnauthorized, setApiKey } from './api.js';
import { $ } from './dom.js';

let caller = null;
let retry = null;

export const isAdmin = () => caller?.role === 'admin';

/**
 * Learns the caller's role; on 401 asks for a key and tries again. Resolves with the caller once known,
 * so the views load only when requests can succeed.
 */
export function identify() {
  return new Promise((resolve) => {
    retry = async () => {
      const known = caller?.role;
      try {
        caller = await api.get('/api/me');
      } catch (error) {
        if (error.status !== 401) banner('The server could not be reached. Reload the page to try again.');
        return;
      }
      banner(null);
      // A key with another role changes what every view offers: start afresh with it.
      if (known && known !== caller.role) location.reload();
      document.body.dataset.role = caller.role;
      $('caller').textContent = `${caller.name} · ${caller.role}`;
      $('change-key').hidden = !caller.keysRequired;
      $('key-dialog').close();
      resolve(caller);
    };
    retry();
  });
}

export function initSession() {
  onUnauthorized(() => askForKey(apiKey() ? 'That key was not accepted. Check it and try again.' : ''));
  $('change-key').addEventListener('click', () => askForKey(''));
  $('key-form').addEventListener('submit', (event) => {
    event.preventDefault();
    const key = $('key-input').value.trim();
    if (!key) return;
    setApiKey(key);
    $('key-error').textContent = '';
    retry?.();
  });
}

function askForKey(message) {
  $('change-key').hidden = false;
  $('key-error').textContent = message;
  const dialog = $('key-dialog');
  if (!dialog.open) dialog.showModal();
  $('key-input').focus();
}

function banner(message) {
  $('banner').hidden = !message;
  $('banner').textContent = message ?? '';
}
