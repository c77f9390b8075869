/**
 * User-facing text built from two kinds of parts: the bot's own words, which may use markdown (`**bold**`,
 * `` `command` ``), and values from users, Graph or Teams, which are shown exactly as they are and never as
 * markdown. The `md` tag is the only way to combine them: its literal parts are the bot's, every interpolated value
 * is untrusted unless it is itself Rich. Renderers (cards: TextRuns; chat: entity escapes) keep untrusted parts inert.
 */
export type Segment =
  | { readonly kind: 'md'; readonly text: string }
  /** Untrusted text; `strong` shows it bold (a command to type, a name to notice), still never as markdown. */
  | { readonly kind: 'plain'; readonly text: string; readonly strong?: boolean };

declare const richBrand: unique symbol;
export interface Rich {
  readonly segments: readonly Segment[];
  readonly [richBrand]: true;
}

function rich(segments: Segment[]): Rich {
  return { segments: merge(segments) } as unknown as Rich;
}

export function isRich(value: unknown): value is Rich {
  return typeof value === 'object' && value !== null && Array.isArray((value as { segments?: unknown }).segments);
}

/** `md\`Requested by ${name}.\``: the template is the bot's markdown, `name` is shown as plain text. */
export function md(strings: TemplateStringsArray, ...values: ReadonlyArray<string | number | Rich>): Rich {
  const segments: Segment[] = [];
  strings.forEach((literal, index) => {
    if (literal) segments.push({ kind: 'md', text: literal });
    if (index < values.length) {
      const value = values[index];
      if (isRich(value)) segments.push(...value.segments);
      else segments.push({ kind: 'plain', text: String(value) });
    }
  });
  return rich(segments);
}

/** The bot's own markdown, as Rich. */
export function ours(markdown: string): Rich {
  return rich(markdown ? [{ kind: 'md', text: markdown }] : []);
}

/** An untrusted value on its own. */
export function plain(text: string): Rich {
  return rich(text ? [{ kind: 'plain', text }] : []);
}

/** An untrusted value shown bold: a command to type, a name to notice. */
export function strong(text: string): Rich {
  return rich(text ? [{ kind: 'plain', text, strong: true }] : []);
}

export function join(parts: readonly Rich[], separator = ' '): Rich {
  const segments: Segment[] = [];
  parts.forEach((part, index) => {
    if (index > 0 && separator) segments.push({ kind: 'md', text: separator });
    segments.push(...part.segments);
  });
  return rich(segments);
}

/** "a", "a and b", "a, b and c", with the reader's word for "and". */
export function joined(parts: readonly Rich[], and: string): Rich {
  if (parts.length <= 1) return join(parts);
  return join([join(parts.slice(0, -1), ', '), parts[parts.length - 1]!], ` ${and} `);
}

export function hasPlain(value: Rich): boolean {
  return value.segments.some((segment) => segment.kind === 'plain');
}

/** How many characters of a user's own text are quoted back to them. */
export const QUOTE_LIMIT = 60;

/** What a user typed, quoted back: whitespace folded, cut to QUOTE_LIMIT characters. Still untrusted. */
export function quoteOf(text: string): string {
  const folded = text.replace(/\s+/g, ' ').trim();
  const chars = [...folded];
  return chars.length <= QUOTE_LIMIT ? folded : `${chars.slice(0, QUOTE_LIMIT - 1).join('')}…`;
}

/**
 * Chat (markdown) text. Untrusted parts have every markdown-active character replaced by its HTML entity, which
 * Teams renders as the same character but never as markup (backslash escapes render inconsistently on mobile),
 * and a word joiner after "://" and "www." so no address turns into a link. Letters, digits, `-` and `.` stay as
 * they are, so `Contoso-HQ` and `cas01.contoso.local` read exactly as Graph has them.
 */
export function toMarkdown(value: Rich): string {
  return value.segments
    .map((segment) => {
      if (segment.kind === 'md') return segment.text;
      return segment.strong ? `**${inertMarkdown(segment.text)}**` : inertMarkdown(segment.text);
    })
    .join('');
}

/** Plain text for places that show no markdown (an invoke's message answer): the bot's markup is dropped. */
export function toPlainText(value: Rich): string {
  return value.segments.map((segment) => (segment.kind === 'md' ? stripMarkdown(segment.text) : segment.text)).join('');
}

const ACTIVE = /[\\`*_{}[\]()#+!|<>&~=]/g;

export function inertMarkdown(text: string): string {
  return text
    .replace(ACTIVE, (char) => `&#${char.charCodeAt(0)};`)
    .replace(/:\/\//g, ':\u2060//')
    .replace(/\bwww\./gi, (match) => `${match.slice(0, 3)}\u2060.`)
    .replace(/^(\s*)([-.])/gm, (_match, space: string, char: string) => `${space}&#${char.charCodeAt(0)};`)
    .replace(/\r?\n/g, ' ');
}

function stripMarkdown(text: string): string {
  return text.replace(/\*\*([^*]+)\*\*/g, '$1').replace(/`([^`]+)`/g, '$1');
}

function merge(segments: Segment[]): Segment[] {
  const merged: Segment[] = [];
  for (const segment of segments) {
    const last = merged[merged.length - 1];
    const sameKind =
      last &&
      last.kind === segment.kind &&
      (last.kind === 'md' || (segment.kind === 'plain' && !last.strong === !segment.strong));
    if (last && sameKind) merged[merged.length - 1] = { ...last, text: last.text + segment.text };
    else if (segment.text) merged.push(segment);
  }
  return merged;
}
