import { hasPlain, type Rich } from '../text/rich';
import type { RichTextBlock, Spacing, TextBlock, TextColor, TextRun, TextStyle } from './schema';

export interface BlockOptions extends TextStyle {
  spacing?: Spacing;
  heading?: boolean;
}

/**
 * A paragraph of Rich text. Only the bot's own words: a TextBlock (Adaptive Card markdown; `code` becomes bold,
 * since cards have no code spans). With any untrusted part: a RichTextBlock whose untrusted parts are TextRuns,
 * which Teams never reads as markdown, so a Graph value like `[Sign in](https://evil.example)` stays text.
 */
export function block(value: Rich, options: BlockOptions = {}): TextBlock | RichTextBlock {
  const { spacing, heading, ...style } = options;
  if (!hasPlain(value)) {
    const text = value.segments
      .map((segment) => segment.text)
      .join('')
      .replace(/`([^`]+)`/g, '**$1**');
    return {
      type: 'TextBlock',
      text,
      wrap: true,
      ...style,
      ...(spacing ? { spacing } : {}),
      ...(heading ? { style: 'heading' as const } : {}),
    };
  }
  return { type: 'RichTextBlock', inlines: runsOf(value, style), ...(spacing ? { spacing } : {}) };
}

export function heading(value: Rich, color?: TextColor): TextBlock | RichTextBlock {
  return block(value, { size: 'medium', weight: 'bolder', heading: true, ...(color ? { color } : {}) });
}

/** A fact as one line, "Title: value", with the value inert: compact on a phone, safe for any value. */
export function factLine(title: string, value: Rich, options: BlockOptions = {}): RichTextBlock {
  const { spacing, ...style } = options;
  return {
    type: 'RichTextBlock',
    inlines: [{ type: 'TextRun', text: `${title}: `, weight: 'bolder', ...style }, ...runsOf(value, style)],
    ...(spacing ? { spacing } : {}),
  };
}

/** Splits Rich text into TextRuns: the bot's `**bold**` and `` `code` `` become bold runs; untrusted parts stay as typed. */
export function runsOf(value: Rich, style: TextStyle = {}): TextRun[] {
  const runs: TextRun[] = [];
  for (const segment of value.segments) {
    if (segment.kind === 'plain') {
      runs.push({
        type: 'TextRun',
        text: segment.text,
        ...style,
        ...(segment.strong ? { weight: 'bolder' as const } : {}),
      });
      continue;
    }
    for (const piece of segment.text.split(/(\*\*[^*]+\*\*|`[^`]+`)/)) {
      if (!piece) continue;
      const bold = /^(\*\*[^*]+\*\*|`[^`]+`)$/.test(piece);
      const text = bold ? piece.replace(/^\*\*|\*\*$|^`|`$/g, '') : piece;
      runs.push({ type: 'TextRun', text, ...style, ...(bold ? { weight: 'bolder' as const } : {}) });
    }
  }
  return runs;
}
