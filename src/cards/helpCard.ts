import type { Messages } from '../i18n';
import { ours, type Rich } from '../text/rich';
import { card, type AdaptiveCard, type CardElement } from './schema';
import { block, heading } from './text';

export function helpCard(m: Messages, preface: readonly Rich[] = []): AdaptiveCard {
  const intro: CardElement[] = preface.map((line) => block(line, { color: 'warning' }));
  const commands: CardElement[] = m.helpCommands.map((command) => block(ours(`**${command.example}** — ${command.text}`), { spacing: 'small' }));
  return card([...intro, heading(ours(m.helpTitle)), block(ours(m.helpIntro)), ...commands]);
}
