import { GraphRequestError } from '../graph/errors';
import { ours } from '../text/rich';
import type { Command, ParseError } from './command';
import { lookupFailureText } from './userText';
import type { CommandDeps } from './handlers/request';
import { typedCommand } from './catalogue';
import { helpFor } from './handlers/talk';
import { dispatch } from './registry';
import type { Reply, TurnInput } from './reply';

export type { CommandDeps } from './handlers/request';

/**
 * Answers one parsed command through its handler in the registry. `text` is what the user typed, kept to resume the
 * command after a sign-in. A Graph 401 asks for a fresh sign-in; other Graph failures become a friendly text about
 * the look-up (nothing is ever synced by a typed command); anything else propagates.
 */
export async function handleCommand(
  command: Command,
  text: string,
  input: TurnInput,
  deps: CommandDeps,
): Promise<Reply> {
  try {
    return await dispatch({ command, text, input, deps });
  } catch (error) {
    if (error instanceof GraphRequestError && error.kind === 'unauthorized') {
      return { kind: 'signIn', need: { staleToken: true, resume: { kind: 'command', text } } };
    }
    if (error instanceof GraphRequestError) return { kind: 'text', text: lookupFailureText(error, input.m) };
    throw error;
  }
}

/** Text the parser could not use: say what was wrong and what to type instead. */
export function explainParseError(error: ParseError, input: TurnInput): Reply {
  const { m } = input;
  switch (error.kind) {
    case 'missingTarget':
      return { kind: 'text', text: ours(m.missingTarget(error.command)) };
    case 'notUnderstood': {
      const preface = [m.notUnderstood(error.text)];
      // Suggested in the reader's language: a German reader is never told to type an English command.
      if (error.suggestion)
        preface.push(
          m.didYouMeanCommand([typedCommand(error.suggestion.kind, m.locale), ...error.suggestion.rest].join(' ')),
        );
      return { kind: 'card', card: helpFor(input, preface) };
    }
  }
}
