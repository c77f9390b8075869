import { md } from '../text/rich';
import type { AlertMessages } from './messages';

/** Was Connector-Warnungen sagen, auf Deutsch. */
export const deAlerts: AlertMessages = {
  confirmTitle: 'Connector-Warnungen hier einschalten?',
  usesAccess: (name) =>
    md`Die Warnungen nutzen den Zugriff von ${name}: die Prüfungen laufen mit dessen eigenen Intune-Berechtigungen. Meldet sich ${name} ab oder verliert den Zugriff, pausieren sie.`,
  checks: (minutes, staleHours, staleOnPremises) =>
    `Alle ${minutes < 1 ? 'paar Sekunden' : `${minutes} Min.`}: ein Connector wird getrennt oder ausstehend und wieder verbunden, Connectors kommen hinzu oder fallen weg${
      staleHours > 0
        ? `, und ${staleOnPremises ? 'jeder' : 'ein gehosteter'} Connector, der seit ${staleHours} Std. nicht synchronisiert hat`
        : ''
    }. Eine Warnung pro Änderung.`,
  turnOn: 'Einschalten',
  onlyAsker: `Nur die Person, die gefragt hat, kann die Warnungen mit dieser Karte einschalten. Schreiben Sie **Warnungen an**, um sie mit Ihrem eigenen Zugriff einzuschalten.`,
  onTitle: '🔔 Warnungen sind in diesem Chat eingeschaltet',
  onText: (name) =>
    md`Eingeschaltet von ${name}. Was jetzt schon Aufmerksamkeit braucht, folgt sofort; danach nur Änderungen.`,
  offText: (name) =>
    md`🔕 Warnungen sind in diesem Chat aus (ausgeschaltet von ${name}). Dafür wird kein Connector mehr geprüft.`,
  alreadyOff:
    'Warnungen sind in diesem Chat nicht eingeschaltet. Schreiben Sie **Warnungen an**, um sie einzuschalten.',
  statusOn: (name, since) => md`🔔 Warnungen sind hier **an** seit ${since}, mit dem Zugriff von ${name}.`,
  statusPaused: (name, since) =>
    md`⏸️ Warnungen sind **pausiert** seit ${since}: die Anmeldung von ${name} fehlt oder wurde abgelehnt. ${name} (oder jemand anderes, mit eigenem Zugriff) kann **Warnungen an** schreiben, um sie fortzusetzen.`,
  statusOff:
    'Warnungen sind hier **aus**. Schreiben Sie **Warnungen an**, um zu erfahren, wenn ein Connector getrennt wird oder nicht mehr synchronisiert.',
  mutedLine: (name, until) => md`${name}: stumm bis ${until}`,
  logTitle: 'Ein- und ausgeschaltet',
  logLine: (when, action, name) =>
    md`${when}: ${action === 'on' ? 'eingeschaltet' : action === 'off' ? 'ausgeschaltet' : 'pausiert (Anmeldung fehlt)'}${name ? md` von ${name}` : md``}`,
  problemTitle: (name, status) => md`⚠️ ${name} ist ${status}`,
  problemSince: (previous, since) => md`Bis zu dieser Prüfung war er ${previous} (seit ${since}).`,
  problemFirst: (since) => md`So gesehen seit ${since}.`,
  staleTitle: (name) => md`⏰ ${name} hat länger nicht synchronisiert`,
  staleText: (lastSync, hours) => md`Die letzte Synchronisierung war am ${lastSync}, vor mehr als ${hours} Std.`,
  recovered: (name, previous, since) => md`✅ ${name} ist wieder verbunden (war ${previous} seit ${since}).`,
  appeared: (name) => md`➕ Ein neuer Connector ist hinzugekommen: ${name}.`,
  disappeared: (name, since) => md`➖ ${name} ist nicht mehr in Intune (zuletzt gesehen ${since}).`,
  paused: (name) =>
    md`⏸️ Warnungen sind pausiert: die Anmeldung von ${name} fehlt oder wurde abgelehnt, daher können die Connectors nicht geprüft werden. ${name} kann auf **Einschalten** klicken, um sie fortzusetzen; alle anderen können **Warnungen an** schreiben und sie mit eigenem Zugriff übernehmen.`,
  delayed: (since) =>
    md`⏳ Warnungen verzögern sich: Microsoft Graph beantwortet die Prüfungen seit ${since} nicht. Sie laufen von selbst weiter, sobald es wieder antwortet.`,
  mute: '24 Std. stumm',
  muted: (name, until) => md`🔇 Warnungen für ${name} sind hier stumm bis ${until}.`,
  sync: 'Synchronisieren…',
};
