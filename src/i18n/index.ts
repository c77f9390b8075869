import { de } from './de';
import { en } from './en';
import type { Locale, Messages } from './messages';

export { localeOf, type KnownStatus, type KnownType, type Locale, type Messages } from './messages';

export function messagesFor(locale: Locale): Messages {
  return locale === 'de' ? de : en;
}
