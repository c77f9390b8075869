import { TurnContext, type Activity, type ConversationReference } from 'botbuilder';
import type { ChatReference } from '../sync/chatReference';

/** The reference of the chat an activity came from, as the domain keeps it. */
export function chatReferenceOf(activity: Partial<Activity>): ChatReference {
  return TurnContext.getConversationReference(activity);
}

/** Back to botbuilder's type: a ChatReference is always one that chatReferenceOf made (and storage kept as JSON). */
export function conversationReferenceOf(reference: ChatReference): Partial<ConversationReference> {
  return reference;
}
