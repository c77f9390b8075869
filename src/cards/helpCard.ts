import type { Messages } from '../i18n';
import { ours, type Rich } from '../text/rich';
import { dashboardButton } from './actions';
import { card, type AdaptiveCard, type CardElement } from './schema';
import { block, heading } from './text';

/** What the bot can do, with examples the parser accepts; `preface` says why the user sees it (a message not understood). */
export function helpCard(
  m: Messages,
  lines: ReadonlyArray<{ example: string; text: string }>,
  preface: readonly Rich[] = [],
  dashboardUrl: string | null = null,
): AdaptiveCard {
  const intro: CardElement[] = preface.map((line) => block(line, { color: 'warning' }));
  const commands: CardElement[] = lines.map((line) =>
    block(ours(`**${line.example}** — ${line.text}`), { spacing: 'small' }),
  );
  return card(
    [...intro, heading(ours(m.helpTitle)), block(ours(m.helpIntro)), ...commands],
    dashboardButton(m, dashboardUrl),
  );
}
