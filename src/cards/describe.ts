import type { Messages } from '../i18n';
import type { Confirmation, RecentRequest, Requested } from '../sync/confirmation';
import type { CardWatch } from '../sync/following';
import { ours, type Rich } from '../text/rich';
import { statusCommand, statusText, timeOfDay, when } from './format';

/** How a line stands out: the Adaptive Card colours, which the tab maps to its own tones. */
export type Tone = 'good' | 'attention' | 'warning' | 'accent';

export interface Line {
  text: Rich;
  tone?: Tone;
  subtle?: boolean;
  small?: boolean;
  spacing?: 'none' | 'medium';
}

/** A confirmation in words: its title and the lines under the connector's facts, in the reader's language. */
export interface Description {
  title: Rich;
  tone: Tone | null;
  lines: Line[];
}

/**
 * How a text names a moment: as Adaptive Card date functions (cards: each viewer's own zone) or as a placeholder
 * the dashboard page fills in with the reader's own format (see src/tab/shared/contract.ts).
 */
export interface Moments {
  /** Date and time. */
  when(iso: string): string;
  /** Time of day (today's events: "valid until 19:17"). */
  timeOfDay(iso: string): string;
}

export const CARD_MOMENTS: Moments = { when, timeOfDay };

export interface DescribeContext {
  m: Messages;
  /** A personal chat (or the tab): nobody else sees it, so "asked by you". */
  personal: boolean;
  /** A requested sync that the bot follows (or followed). */
  watch?: CardWatch | undefined;
  moments?: Moments;
}

/**
 * The one place that maps a confirmation's state to words: the chat card (src/cards/confirmationCard.ts) lays these
 * out under the connector's facts with its buttons; the dashboard tab shows the same lines as text.
 */
export function describe(confirmation: Confirmation, context: DescribeContext): Description {
  const { m } = context;
  const at = context.moments ?? CARD_MOMENTS;
  const { connector } = confirmation;
  const kind: Line = {
    text: ours(`**${m.syncTypeName[confirmation.syncType]}**: ${m.syncTypeExplained[confirmation.syncType]}`),
  };
  const requestId = (id: string | null | undefined): Line[] =>
    id ? [{ text: m.graphRequestId(id), subtle: true, small: true }] : [];
  switch (confirmation.state) {
    case 'pending': {
      const warning: Line[] =
        connector.status === 'disconnected' || connector.status === 'connectionPending'
          ? [{ text: m.confirmStatusWarning(connector.name, connector.status), spacing: 'medium' }]
          : [];
      return {
        title: ours(m.confirmTitle),
        tone: null,
        lines: [
          ...warning,
          kind,
          ...(confirmation.signInExpired ? [{ text: ours(m.signInExpiredNote), tone: 'warning' as const }] : []),
          ...(confirmation.recent
            ? [{ text: recentText(confirmation.recent, m, at), tone: 'warning' as const, spacing: 'medium' as const }]
            : []),
          { text: m.confirmAskedBy(confirmation.requestedBy.name, context.personal), subtle: true },
          {
            text: m.confirmValidUntil(at.timeOfDay(confirmation.expiresAt)),
            subtle: true,
            small: true,
            spacing: 'none',
          },
        ],
      };
    }
    case 'claimed':
      return { title: ours(m.confirmTitle), tone: null, lines: [kind, { text: ours(m.sending), tone: 'accent' }] };
    case 'requested':
      return {
        title: ours(`✅ ${m.requestedTitle(confirmation.syncType)}`),
        tone: 'good',
        lines: [
          { text: m.requestedBy(confirmation.claimedBy.name, at.when(confirmation.requestedAt)) },
          ...(context.watch
            ? watchWords(confirmation, context.watch, m, at)
            : [
                {
                  text:
                    connector.type === 'onPremises'
                      ? ours(m.onPremisesNote)
                      : m.requestedNext(statusCommand(connector.name)),
                  subtle: true,
                },
              ]),
          ...requestId(confirmation.graphRequestId),
        ],
      };
    case 'refused': {
      const { failure } = confirmation;
      return {
        title: ours(`❌ ${m.refusedTitle}`),
        tone: 'attention',
        lines: [
          kind,
          { text: ours(m.syncFailure[failure.kind]) },
          ...(failure.retryAfterSeconds !== null
            ? [{ text: ours(m.retryAfter(failure.retryAfterSeconds)), subtle: true }]
            : []),
          ...requestId(failure.requestId),
        ],
      };
    }
    case 'unknown': {
      const command = statusCommand(connector.name);
      return {
        title: ours(`⚠️ ${m.unknownTitle}`),
        tone: 'warning',
        lines: [
          { text: confirmation.reason === 'interrupted' ? m.interruptedText(command) : m.unknownText(command) },
          ...requestId(confirmation.failure?.requestId),
        ],
      };
    }
    case 'cancelled':
      return {
        title: ours(m.cancelledTitle),
        tone: null,
        lines: [{ text: m.cancelledBy(confirmation.cancelledBy.name, at.when(confirmation.cancelledAt)) }],
      };
    case 'expired':
      return { title: ours(`⌛ ${m.expiredTitle}`), tone: 'warning', lines: [{ text: ours(m.expiredText) }] };
    case 'superseded': {
      const { other } = confirmation;
      return {
        title: ours(m.supersededTitle),
        tone: null,
        lines: [{ text: m.supersededText(other.by.name, other.syncType, at.when(other.at)) }],
      };
    }
  }
}

/** The line under a pending confirmation about a sync of the same connector asked for shortly before. */
function recentText(recent: RecentRequest, m: Messages, at: Moments): Rich {
  return m.recentRequest(recent.by.name, recent.syncType, at.when(recent.at), m.recentProgress[recent.progress]);
}

/**
 * What a followed sync's lines say: "following until…", then completed, not reported (with what to check), a status
 * change, or "stopped: sign in again".
 */
function watchWords(confirmation: Requested, watch: CardWatch, m: Messages, at: Moments): Line[] {
  const { record } = watch;
  const { connector } = confirmation;
  const onPremises: Line[] = connector.type === 'onPremises' ? [{ text: ours(m.onPremisesNote), subtle: true }] : [];
  switch (record.state.kind) {
    case 'watching':
      // Since February 2024 an on-premises connector may never report: the card says so from the start.
      return [{ text: m.watchFollowing(at.timeOfDay(record.until)), tone: 'accent' }, ...onPremises];
    case 'completed': {
      const minutes = Math.max(
        0,
        Math.round((Date.parse(record.state.lastSyncDateTime) - Date.parse(record.acceptedAt)) / 60_000),
      );
      return [{ text: m.watchCompleted(at.when(record.state.lastSyncDateTime), minutes), tone: 'good' }];
    }
    case 'notReported': {
      const minutes = Math.round((Date.parse(record.until) - Date.parse(record.acceptedAt)) / 60_000);
      return [
        { text: m.watchNotReported(minutes, connector.serverName ?? connector.name), tone: 'warning' },
        ...onPremises,
      ];
    }
    case 'statusChanged':
      return [
        {
          text: m.watchStatusChanged(connector.name, statusText({ ...connector, status: record.state.status }, m)),
          tone: 'warning',
        },
      ];
    case 'stopped':
      return record.state.reason === 'gone'
        ? [{ text: m.watchGone(connector.name), tone: 'warning' }]
        : [{ text: ours(m.watchStopped), tone: 'warning' }];
  }
}
