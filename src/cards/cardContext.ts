import type { Messages } from '../i18n';
import type { CardWatch } from '../sync/following';

/** Who looks at a card: their language, and whether the chat is personal (nobody else sees the card). */
export interface CardContext {
  m: Messages;
  personal: boolean;
  /** A requested sync that the bot follows (or followed) until Intune reports it. */
  watch?: CardWatch;
}
