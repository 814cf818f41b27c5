// The conversation: questions, answers streaming in, citations, follow-ups in the same conversation.
import { api, describeError } from './api.js';
import { renderCitedText, sourceList } from './citations.js';
import { $, el, randomId } from './dom.js';
import { currentFilters } from './filters.js';
import { closePanel } from './panel.js';

// Kept per tab (sessionStorage): a reload shows the same conversation, another tab starts its own.
const storageKey = 'newsbot.conversation';
let conversation = load();
let running = null;

export function initChat() {
  const form = $('ask-form');
  const question = $('question');
  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = question.value.trim();
    if (!text || running) return;
    question.value = '';
    fit(question);
    ask(text);
  });
  question.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  question.addEventListener('input', () => fit(question));
  $('new-conversation').addEventListener('click', startOver);
  for (const turn of conversation.turns) showFinished(addTurn(turn.question), turn.answer);
  showIntro();
}

function load() {
  try {
    const stored = JSON.parse(sessionStorage.getItem(storageKey));
    if (typeof stored?.id === 'string' && Array.isArray(stored.turns)) return stored;
  } catch {
    // A damaged entry just means a fresh conversation.
  }
  return { id: randomId(), turns: [] };
}

function save() {
  try {
    sessionStorage.setItem(storageKey, JSON.stringify(conversation));
  } catch {
    // Storage full or disabled: the conversation still works, it is just not kept across reloads.
  }
}

function startOver() {
  running?.abort();
  conversation = { id: randomId(), turns: [] };
  save();
  $('conversation').replaceChildren();
  closePanel();
  showIntro();
  $('question').focus();
}

const showIntro = () => { $('ask-intro').hidden = conversation.turns.length > 0 || $('conversation').childElementCount > 0; };

async function ask(question) {
  const turn = addTurn(question);
  showIntro();
  const controller = new AbortController();
  running = controller;
  setBusy(true);
  const filters = currentFilters();
  const request = { question, conversationId: conversation.id, stream: true };
  if (Object.keys(filters).length) request.filters = filters;
  try {
    for await (const event of api.stream('/api/ask', request, { signal: controller.signal })) {
      if (event.type === 'delta') appendDelta(turn, JSON.parse(event.data).text ?? '');
      else if (event.type === 'final') {
        const answer = JSON.parse(event.data);
        showFinished(turn, answer);
        conversation.turns.push({ question, answer });
        save();
        return;
      } else if (event.type === 'error') {
        const problem = JSON.parse(event.data);
        showFailed(turn, question, problem.detail || problem.title || 'The question could not be answered.');
        return;
      }
    }
    showFailed(turn, question, 'The answer broke off before it was complete.');
  } catch (error) {
    if (controller.signal.aborted) turn.article.closest('li')?.remove();
    else showFailed(turn, question, describeError(error));
  } finally {
    if (running === controller) {
      running = null;
      setBusy(false);
    }
  }
}

function setBusy(busy) {
  $('send').disabled = busy;
  $('send').textContent = busy ? 'Answering…' : 'Ask';
}

function addTurn(question) {
  const body = el('div', { class: 'answer-body' }, el('span', { class: 'thinking' }, 'Searching the archive'));
  const article = el('article', { class: 'answer', 'data-state': 'streaming', 'aria-busy': 'true', 'aria-label': 'Answer' }, body);
  const item = el('li', { class: 'turn' },
    el('div', { class: 'question' }, el('span', { class: 'visually-hidden' }, 'You asked: '), el('p', { class: 'question-text' }, question)),
    article);
  $('conversation').append(item);
  scrollToEnd(true);
  return { article, body };
}

function appendDelta(turn, text) {
  const nearEnd = isNearEnd();
  turn.body.querySelector('.thinking')?.remove();
  turn.body.append(el('span', { class: 'delta' }, text));
  scrollToEnd(nearEnd);
}

function showFinished(turn, answer) {
  const { article, body } = turn;
  const nearEnd = isNearEnd();
  const citations = Array.isArray(answer.citations) ? answer.citations : [];
  const { lead, rest } = splitShortAnswer(answer.text ?? '', answer.short);
  renderCitedText(body, rest, citations);
  if (lead) body.prepend(el('strong', { class: 'short-answer' }, lead), ' ');
  const parts = [];
  if (answer.rewrittenQuestion) parts.push(el('p', { class: 'rewritten' }, 'Answered as: ', el('q', {}, answer.rewrittenQuestion)));
  if (answer.abstained) parts.push(el('p', { class: 'answer-label' }, 'Not in the archive'));
  parts.push(body);
  if (citations.length) parts.push(el('div', { class: 'sources' }, el('h2', { class: 'sources-heading' }, 'Sources'), sourceList(citations)));
  const followUps = Array.isArray(answer.followUps) ? answer.followUps.filter((f) => typeof f === 'string' && f.trim()) : [];
  if (followUps.length) parts.push(followUpButtons(followUps));
  article.replaceChildren(...parts);
  article.dataset.state = answer.abstained ? 'abstained' : 'answered';
  article.classList.toggle('is-abstained', Boolean(answer.abstained));
  article.removeAttribute('aria-busy');
  scrollToEnd(nearEnd);
}

// The short answer opens the text as a sentence of its own ("Oct. 4, 2017."); it is shown first and emphasised.
function splitShortAnswer(text, short) {
  if (!short?.text) return { lead: '', rest: text };
  const opening = short.text.replace(/\.$/, '') + '.';
  if (text.slice(0, opening.length).toLowerCase() !== opening.toLowerCase()) return { lead: '', rest: text };
  return { lead: text.slice(0, opening.length), rest: text.slice(opening.length).trimStart() };
}

/** The answer's suggested next questions (about the stories it cites); a tap asks one in the same conversation. */
function followUpButtons(followUps) {
  const buttons = followUps.slice(0, 3).map((text) => el('button', { type: 'button', class: 'quiet small follow-up', onclick: () => {
    if (!running) ask(text);
  } }, text));
  return el('div', { class: 'row follow-ups', role: 'group', 'aria-label': 'Ask next' }, ...buttons);
}

function showFailed(turn, question, message) {
  const { article, body } = turn;
  body.replaceChildren(message);
  const retry = el('button', { type: 'button', class: 'quiet small', onclick: () => {
    article.closest('li')?.remove();
    if (!running) ask(question);
  } }, 'Ask again');
  article.replaceChildren(el('p', { class: 'answer-label' }, 'No answer'), body, el('div', { class: 'row' }, retry));
  article.dataset.state = 'error';
  article.classList.add('is-error');
  article.setAttribute('role', 'alert');
  article.removeAttribute('aria-busy');
}

const isNearEnd = () => {
  const main = $('main');
  return main.scrollHeight - main.scrollTop - main.clientHeight < 120;
};

function scrollToEnd(wanted) {
  if (wanted) $('main').scrollTop = $('main').scrollHeight;
}

/** Grows the question box with its text, up to the limit the stylesheet sets. */
function fit(textarea) {
  textarea.style.height = 'auto';
  textarea.style.height = `${textarea.scrollHeight + 2}px`;
}
