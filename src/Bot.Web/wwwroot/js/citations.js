// Answer text with its citation markers ("[1]", "[1, 3]") turned into buttons that open the cited passage.
import { el, formatDate, metaLine } from './dom.js';
import { openArticle } from './panel.js';

// The marker forms Bot.Core's CitationMarkers reads; up to three digits, so "[2017]" stays text.
const marker = /\[\s*(\d{1,3})((?:\s*[,;]\s*\d{1,3})*)\s*\]/g;

/** Fills `container` with `text`, markers that name a citation becoming buttons (built as DOM nodes, never HTML). */
export function renderCitedText(container, text, citations) {
  const byNumber = new Map(citations.map((citation) => [citation.number, citation]));
  const nodes = [];
  let copied = 0;
  for (const match of text.matchAll(marker)) {
    const numbers = [match[1], ...match[2].split(/[,;]/)].map((n) => Number(n.trim())).filter((n) => byNumber.has(n));
    if (numbers.length === 0) continue;
    nodes.push(text.slice(copied, match.index));
    for (const number of numbers) nodes.push(citeButton(byNumber.get(number)));
    copied = match.index + match[0].length;
  }
  nodes.push(text.slice(copied));
  container.replaceChildren(...nodes);
}

/**
 * The sources under an answer, one row per article: its citation numbers (each opening its own passage),
 * the title (opening the first) and where and when it was published.
 */
export function sourceList(citations) {
  const byArticle = new Map();
  for (const citation of citations) byArticle.set(citation.articleId, [...(byArticle.get(citation.articleId) ?? []), citation]);
  return el('ul', { class: 'source-list' }, [...byArticle.values()].map((cited) => {
    const first = cited[0];
    return el('li', { class: 'source' },
      el('span', { class: 'source-numbers' }, cited.map(citeButton)),
      el('span', { class: 'source-text' },
        el('button', { type: 'button', class: 'source-title link', onclick: (event) => open(first, event.currentTarget) },
          first.title || 'Untitled article'),
        el('span', { class: 'source-meta' }, metaLine(first.source, formatDate(first.published), pages(cited)))));
  }));
}

/** "p. 3" or "pp. 2, 5" for the quoted pages of a PDF; nothing for other articles. */
function pages(cited) {
  const numbers = [...new Set(cited.map((citation) => citation.page).filter(Number.isInteger))].sort((a, b) => a - b);
  if (numbers.length === 0) return '';
  return `${numbers.length === 1 ? 'p.' : 'pp.'} ${numbers.join(', ')}`;
}

const pageOf = (citation) => (Number.isInteger(citation.page) ? `, p. ${citation.page}` : '');

function citeButton(citation) {
  return el('button', {
    type: 'button',
    class: 'cite',
    'data-number': citation.number,
    'aria-label': `Source ${citation.number}: ${citation.title || 'untitled article'}${pageOf(citation)}`,
    title: citation.title || '',
    onclick: (event) => open(citation, event.currentTarget),
  }, String(citation.number));
}

const open = (citation, from) => openArticle(citation.articleId, {
  start: citation.start,
  end: citation.end,
  kicker: `Source ${citation.number}${Number.isInteger(citation.page) ? ` · p. ${citation.page}` : ''}`,
  from,
});
