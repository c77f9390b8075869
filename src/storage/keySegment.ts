/**
 * One path segment of a storage key, made from any string (a Teams conversation id, a user id, botbuilder's joined
 * SSO dedupe key). Letters, digits, `_` and `-` stay as they are, so the GUIDs and UUIDs most keys hold read the same
 * as before; every other UTF-8 byte becomes `~XX` (hex). The result never holds `/`, `.`, `%` or an empty string, so
 * no segment can climb out of its prefix (`..`), split into two, or be decoded into either by a URL parser or by
 * the storage service, and none starts with `_`. Different (well-formed) strings give different segments.
 */
export function keySegment(part: string): string {
  if (part === '') return '~';
  let encoded = '';
  for (const byte of Buffer.from(part, 'utf8')) {
    const char = String.fromCharCode(byte);
    // A leading `_` is encoded too: names such as `watches/_index` are the bot's own and cannot be met by an id.
    encoded +=
      SAFE.test(char) && !(encoded === '' && char === '_')
        ? char
        : `~${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}

const SAFE = /^[A-Za-z0-9_-]$/;

/** What every stored key looks like: fixed prefixes and encoded segments joined by `/`. Anything else is a bug. */
export const STORAGE_KEY_PATTERN = /^[A-Za-z0-9_~-]+(\/[A-Za-z0-9_~-]+)*$/;

/** The string a segment was made from (keySegment's inverse). */
export function fromKeySegment(segment: string): string {
  if (segment === '~') return '';
  const bytes: number[] = [];
  for (let index = 0; index < segment.length; index += 1) {
    if (segment[index] === '~') {
      bytes.push(parseInt(segment.slice(index + 1, index + 3), 16));
      index += 2;
    } else bytes.push(segment.charCodeAt(index));
  }
  return Buffer.from(bytes).toString('utf8');
}
