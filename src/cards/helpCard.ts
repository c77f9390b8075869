import type { Messages } from '../i18n';
import { card, heading, text, type AdaptiveCard, type CardElement } from './schema';

export function helpCard(m: Messages, preface: string[] = []): AdaptiveCard {
  const intro: CardElement[] = preface.map((line) => text(line, { color: 'warning' }));
  const commands: CardElement = {
    type: 'FactSet',
    facts: m.helpCommands.map((command) => ({ title: command.example, value: command.text })),
  };
  return card([...intro, heading(m.helpTitle), text(m.helpIntro), commands]);
}
