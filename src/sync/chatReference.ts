/**
 * Where to reach a chat again (the Bot Framework's conversation reference), kept by the domain as plain JSON: it is
 * stored with a watch and handed back to src/bot/, the only place that reads inside it (src/bot/chatReferences.ts),
 * so botbuilder's types stay out of the domain.
 */
export type ChatReference = Readonly<Record<string, unknown>>;
