import * as AdaptiveCards from 'adaptivecards';

/**
 * Runs in the browser page: renders a card with the adaptivecards library (the renderer behind Teams' web client and
 * the Agents Playground) at a given width and reports the words the layout broke inside themselves.
 */
AdaptiveCards.AdaptiveCard.onProcessMarkdown = (text, result) => {
  // Teams renders **bold** and entity-escaped text; nothing else of Markdown appears in our cards.
  result.outputHtml = text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/\*\*([^*]+)\*\*/g, '<b>$1</b>');
  result.didProcess = true;
};

function renderCard(json: unknown, width: number): string[] {
  const host = document.getElementById('card');
  if (!host) throw new Error('the page has no #card element');
  host.style.width = `${width}px`;
  host.style.margin = '16px';
  host.style.background = 'white';
  host.innerHTML = '';
  const card = new AdaptiveCards.AdaptiveCard();
  card.parse(json);
  const rendered = card.render();
  if (rendered) host.appendChild(rendered);
  return wordsBrokenInside(host);
}

/** A word broken inside itself covers two line boxes. */
function wordsBrokenInside(root: HTMLElement): string[] {
  const words: string[] = [];
  const walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
  for (let node = walker.nextNode(); node; node = walker.nextNode()) {
    for (const match of (node.textContent ?? '').matchAll(/\S+/g)) {
      const range = document.createRange();
      range.setStart(node, match.index);
      range.setEnd(node, match.index + match[0].length);
      const tops = new Set(
        [...range.getClientRects()].filter((rect) => rect.width > 0).map((rect) => Math.round(rect.top)),
      );
      if (tops.size > 1) words.push(match[0]);
    }
  }
  return words;
}

(window as unknown as { renderCard: typeof renderCard }).renderCard = renderCard;
