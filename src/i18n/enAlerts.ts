import { md } from '../text/rich';
import type { AlertMessages } from './messages';

/** What connector alerts say, in English. */
export const enAlerts: AlertMessages = {
  confirmTitle: 'Turn on connector alerts here?',
  usesAccess: (name) =>
    md`Alerts will use ${name}'s access: the checks run with their own Intune permissions. If ${name} signs out or loses access, they pause.`,
  checks: (minutes, staleHours, staleOnPremises) =>
    `Every ${minutes < 1 ? 'few seconds' : `${minutes} min`}: a connector becoming disconnected or pending and back to connected, connectors added or removed${
      staleHours > 0
        ? `, and ${staleOnPremises ? 'any' : 'a hosted'} connector that has not synced for ${staleHours} h`
        : ''
    }. One alert per change.`,
  turnOn: 'Turn on',
  onlyAsker: `Only the person who asked can turn these alerts on with this card. Type **alerts on** to turn them on with your own access.`,
  onTitle: '🔔 Alerts are on in this chat',
  onText: (name) =>
    md`Turned on by ${name}. Anything that already needs attention follows now; after that, only changes.`,
  offText: (name) =>
    md`🔕 Alerts are off in this chat (turned off by ${name}). No connector is checked for it any more.`,
  alreadyOff: 'Alerts are not on in this chat. Type **alerts on** to turn them on.',
  statusOn: (name, since) => md`🔔 Alerts are **on** here since ${since}, with ${name}'s access.`,
  statusPaused: (name, since) =>
    md`⏸️ Alerts are **paused** since ${since}: ${name}'s sign-in is gone or refused. ${name} (or anyone, with their own access) can type **alerts on** to resume them.`,
  statusOff: 'Alerts are **off** here. Type **alerts on** to be told when a connector disconnects or stops syncing.',
  mutedLine: (name, until) => md`${name}: muted until ${until}`,
  logTitle: 'Turned on and off',
  logLine: (when, action, name) =>
    md`${when}: ${action === 'on' ? 'turned on' : action === 'off' ? 'turned off' : 'paused (sign-in gone)'}${name ? md` by ${name}` : md``}`,
  problemTitle: (name, status) => md`⚠️ ${name} is ${status}`,
  problemSince: (previous, since) => md`It was ${previous} until this check (since ${since}).`,
  problemFirst: (since) => md`Seen like this since ${since}.`,
  staleTitle: (name) => md`⏰ ${name} has not synced for a while`,
  staleText: (lastSync, hours) => md`Its last sync was ${lastSync}, more than ${hours} h ago.`,
  recovered: (name, previous, since) => md`✅ ${name} is connected again (it was ${previous} since ${since}).`,
  appeared: (name) => md`➕ A new connector appeared: ${name}.`,
  disappeared: (name, since) => md`➖ ${name} is no longer in Intune (last seen ${since}).`,
  paused: (name) =>
    md`⏸️ Alerts are paused: ${name}'s sign-in is gone or was refused, so the connectors cannot be checked. ${name} can click **Turn on** to resume them; anyone else can type **alerts on** to take them over with their own access.`,
  delayed: (since) =>
    md`⏳ Alerts are delayed: Microsoft Graph has not answered the checks since ${since}. They resume by themselves when it does.`,
  mute: 'Mute 24 h',
  muted: (name, until) => md`🔇 Alerts for ${name} are muted here until ${until}.`,
  sync: 'Sync…',
};
