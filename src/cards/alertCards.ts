import type { Messages } from '../i18n';
import type { Alert, AlertSubscription, SeenConnector } from '../sync/alerts';
import type { AlertLogEntry } from '../sync/alertStore';
import { userKeyOf, type Person } from '../sync/confirmation';
import { ours, type Rich } from '../text/rich';
import { VERBS, button } from './actions';
import { connectorFacts } from './confirmationCard';
import { statusText, when } from './format';
import { card, type AdaptiveCard, type CardElement } from './schema';
import { block, heading } from './text';

/** What the checks look at, as the cards say it. */
export interface AlertChecks {
  intervalMs: number;
  staleMs: number;
  staleOnPremises: boolean;
}

function checksLine(checks: AlertChecks, m: Messages): CardElement {
  const minutes = Math.round(checks.intervalMs / 60_000);
  return block(ours(m.alerts.checks(minutes, Math.round(checks.staleMs / 3_600_000), checks.staleOnPremises)), {
    isSubtle: true,
  });
}

/** `alerts on`: whose access the checks will use, what they look at, and Turn on (for the asker alone). */
export function alertsConfirmCard(asker: Person, checks: AlertChecks, m: Messages): AdaptiveCard {
  return card(
    [heading(ours(m.alerts.confirmTitle)), block(m.alerts.usesAccess(asker.name)), checksLine(checks, m)],
    [button(m.alerts.turnOn, { verb: VERBS.alertsOn, owner: userKeyOf(asker) }, 'positive')],
  );
}

/** What the Turn on card becomes. */
export function alertsOnCard(owner: Person, checks: AlertChecks, m: Messages): AdaptiveCard {
  return card([heading(ours(m.alerts.onTitle), 'good'), block(m.alerts.onText(owner.name)), checksLine(checks, m)]);
}

/** `alerts`: on, paused or off, since when, whose access, what is checked, mutes, and the last on/off records. */
export function alertsStatusCard(
  subscription: AlertSubscription | null,
  log: readonly AlertLogEntry[],
  checks: AlertChecks,
  m: Messages,
  now: Date,
): AdaptiveCard {
  const state = subscription?.state;
  const first =
    !subscription || !state || state.kind === 'off'
      ? block(ours(m.alerts.statusOff))
      : state.kind === 'paused'
        ? block(m.alerts.statusPaused(subscription.owner.name, when(state.at)))
        : block(m.alerts.statusOn(subscription.owner.name, when(subscription.since)));
  const mutes = Object.entries(subscription?.mutes ?? {})
    .filter(([, until]) => Date.parse(until) > now.getTime())
    .map(([id, until]) =>
      block(m.alerts.mutedLine(subscription?.seen?.[id]?.name ?? id, when(until)), { isSubtle: true, spacing: 'none' }),
    );
  const records = log.slice(0, 5).map((entry) =>
    block(m.alerts.logLine(when(entry.at), entry.action, entry.by?.name ?? null), {
      isSubtle: true,
      spacing: 'none',
    }),
  );
  return card([
    first,
    checksLine(checks, m),
    ...mutes,
    ...(records.length ? [block(ours(`**${m.alerts.logTitle}**`), { spacing: 'medium' }), ...records] : []),
  ]);
}

/** One alert: what changed and since when, the connector's facts, and Status, Sync… and Mute 24 h. */
export function alertCard(alert: Alert, checks: AlertChecks, m: Messages): AdaptiveCard {
  switch (alert.kind) {
    case 'problem': {
      const { connector } = alert;
      const since = alert.previous
        ? m.alerts.problemSince(statusText({ status: alert.previous.status }, m), when(alert.previous.since))
        : m.alerts.problemFirst(when(connector.since));
      return connectorAlert(connector, m.alerts.problemTitle(connector.name, statusText(connector, m)), since, m);
    }
    case 'stale': {
      const { connector } = alert;
      const hours = Math.round(checks.staleMs / 3_600_000);
      const text = m.alerts.staleText(connector.lastSyncDateTime ? when(connector.lastSyncDateTime) : m.never, hours);
      return connectorAlert(connector, m.alerts.staleTitle(connector.name), text, m);
    }
    case 'recovered':
      return card([
        block(
          m.alerts.recovered(
            alert.connector.name,
            statusText({ status: alert.previous.status }, m),
            when(alert.previous.since),
          ),
          { color: 'good' },
        ),
      ]);
    case 'appeared':
      return connectorAlert(alert.connector, m.alerts.appeared(alert.connector.name), null, m);
    case 'disappeared':
      return card([block(m.alerts.disappeared(alert.connector.name, when(alert.connector.since)))]);
    case 'paused':
      return card(
        [block(m.alerts.paused(alert.owner.name), { color: 'warning' })],
        [button(m.alerts.turnOn, { verb: VERBS.alertsOn, owner: userKeyOf(alert.owner) })],
      );
    case 'delayed':
      return card([block(m.alerts.delayed(when(alert.since)), { color: 'warning' })]);
  }
}

function connectorAlert(connector: SeenConnector, title: Rich, text: Rich | null, m: Messages): AdaptiveCard {
  return card(
    [heading(title, 'warning'), ...(text ? [block(text)] : []), ...connectorFacts({ connector }, m)],
    [
      button(m.buttons.status, { verb: VERBS.status, connectorId: connector.id }),
      // Whoever clicks gets their own confirmation, as from a list row.
      button(m.alerts.sync, { verb: VERBS.choose, connectorId: connector.id, owner: 'alerts' }),
      button(m.alerts.mute, { verb: VERBS.alertsMute, connectorId: connector.id }),
    ],
  );
}
