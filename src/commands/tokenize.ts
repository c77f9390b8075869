/** Opening quote -> closing quote. Teams and German keyboards turn straight quotes into typographic ones. */
const QUOTES: Record<string, string> = { '"': '"', "'": "'", '“': '”', '„': '“', '‘': '’', '«': '»' };

export interface Token {
  text: string;
  quoted: boolean;
}

/**
 * Cleans up what Teams delivers and splits it into words; quoted text stays one word.
 * An unterminated quote runs to the end of the text.
 */
export function tokenize(raw: string): Token[] {
  const text = normalize(raw);
  const tokens: Token[] = [];
  let index = 0;
  while (index < text.length) {
    const char = text[index] ?? '';
    if (/\s/.test(char)) {
      index += 1;
      continue;
    }
    const closing = QUOTES[char];
    if (closing) {
      const end = text.indexOf(closing, index + 1);
      const stop = end === -1 ? text.length : end;
      const inner = text
        .slice(index + 1, stop)
        .trim()
        .replace(/\s+/g, ' ');
      if (inner) tokens.push({ text: inner, quoted: true });
      index = stop + 1;
      continue;
    }
    let end = index;
    while (end < text.length && !/\s/.test(text[end] ?? '')) end += 1;
    // Punctuation around a word is not part of it ("hi," "CAS01!"); dots inside names are (cas01.contoso.local).
    const word = text.slice(index, end).replace(/^[,;:!?.(]+|[,;:!?.)]+$/g, '');
    if (word) tokens.push({ text: word, quoted: false });
    index = end;
  }
  return tokens;
}

function normalize(raw: string): string {
  return (
    raw
      .normalize('NFC')
      .replace(/<at>[^<]*<\/at>/gi, ' ') // a mention of the bot that the adapter did not strip
      .replace(/<[^>]+>/g, ' ') // HTML formatting from the Teams compose box
      .replace(/&nbsp;/gi, ' ')
      .replace(/&amp;/gi, '&')
      .replace(/[\u00a0\u200b]/g, ' ')
      // Emoji around a command ("🔄 sync CAS01 full") say nothing the words do not.
      .replace(/\p{Extended_Pictographic}|\u{FE0F}|\u{200D}|\u{20E3}|[\u{1F3FB}-\u{1F3FF}]/gu, ' ')
      .trim()
  );
}
