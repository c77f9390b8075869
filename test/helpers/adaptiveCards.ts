import { createRequire } from 'node:module';

/** The parts of the `adaptivecards` library the tests use. Its package entry is ESM that Node 20 cannot load (docs/platform-notes.md §3). */
interface CardEvent {
  message: string;
}
interface ParsedCard {
  parse(json: unknown, context: { eventCount: number; getEventAt(index: number): CardEvent }): void;
  validateProperties(): { validationEvents: CardEvent[] };
  getActionCount(): number;
  getActionAt(index: number): { getJsonTypeName(): string; title?: string };
  getAllActions(): Array<{ getJsonTypeName(): string; title?: string }>;
}
interface AdaptiveCardsLib {
  AdaptiveCard: new () => ParsedCard;
  SerializationContext: new () => { eventCount: number; getEventAt(index: number): CardEvent };
}

const lib = createRequire(__filename)('adaptivecards/dist/adaptivecards.js') as AdaptiveCardsLib;

/** Parses a card as a client would and returns every parse or validation complaint. */
export function cardProblems(json: unknown): { problems: string[]; card: ParsedCard } {
  const card = new lib.AdaptiveCard();
  const context = new lib.SerializationContext();
  card.parse(json, context);
  const problems: string[] = [];
  for (let index = 0; index < context.eventCount; index += 1) problems.push(context.getEventAt(index).message);
  problems.push(...card.validateProperties().validationEvents.map((event) => event.message));
  return { problems, card };
}
