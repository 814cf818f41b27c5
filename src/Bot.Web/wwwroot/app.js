// The web chat: wires the views together once the server knows who is asking.
import { initArticles, loadArticles } from './js/articles.js';
import { initChat } from './js/chat.js';
import { $ } from './js/dom.js';
import { initFilters, refreshSources } from './js/filters.js';
import { initIngest, onIngestFinished } from './js/ingest.js';
import { closePanel, isPanelOpen, openArticle } from './js/panel.js';
import { initSearch } from './js/search.js';
import { loadSources, onSourceSynced } from './js/sources.js';
import { identify, initSession, isAdmin } from './js/session.js';

const views = ['ask', 'search', 'articles'];

function showView() {
  const wanted = location.hash.slice(1);
  const current = views.includes(wanted) ? wanted : 'ask';
  for (const view of views) $(`view-${view}`).hidden = view !== current;
  for (const link of document.querySelectorAll('.views a')) {
    if (link.dataset.view === current) link.setAttribute('aria-current', 'page');
    else link.removeAttribute('aria-current');
  }
  if (current === 'articles') {
    loadArticles();
    if (isAdmin()) loadSources();
  }
}

initSession();
initFilters();
$('panel-close').addEventListener('click', closePanel);
document.addEventListener('keydown', (event) => {
  if (event.key === 'Escape' && isPanelOpen() && !$('key-dialog').open) {
    event.preventDefault();
    closePanel();
  }
});

initChat();
initSearch();
initArticles();
window.addEventListener('hashchange', showView);

// Role-dependent parts wait for the caller to be known (after the key prompt, when keys are required).
await identify();
if (isAdmin()) {
  $('ingest').hidden = false;
  initIngest();
  onIngestFinished(() => {
    loadArticles();
    refreshSources();
  });
  $('source-panel').hidden = false;
  onSourceSynced(() => {
    loadArticles();
    refreshSources();
  });
}
showView();
openLinked();
document.body.dataset.ready = 'true';

/**
 * Links into the page from elsewhere (a Teams citation, an answer cut to fit a chat): ?article=ID&start=&end=
 * opens the article with the quoted span highlighted; ?q= puts a question in the box, ready to send.
 */
function openLinked() {
  const params = new URLSearchParams(location.search);
  const article = params.get('article');
  if (article) {
    const span = (name) => (/^\d+$/.test(params.get(name) ?? '') ? Number(params.get(name)) : undefined);
    openArticle(article, { start: span('start'), end: span('end'), kicker: 'Source' });
  }
  const question = params.get('q');
  if (question && !$('question').value) $('question').value = question;
}
