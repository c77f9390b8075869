import type { KnownStatus, KnownType, Messages } from '../i18n';
import type { ConnectorSnapshot } from '../sync/confirmation';

/**
 * A point in time as Adaptive Card date functions, so each viewer sees it in their own time zone and format.
 * The functions want RFC 3339 without fractions.
 */
export function when(iso: string): string {
  return `{{DATE(${rfc3339(iso)}, SHORT)}} {{TIME(${rfc3339(iso)})}}`;
}

/** A time of day in the viewer's own time zone (today's events: "valid until 19:17"). */
export function timeOfDay(iso: string): string {
  return `{{TIME(${rfc3339(iso)})}}`;
}

function rfc3339(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function lastSyncText(snapshot: ConnectorSnapshot, m: Messages): string {
  return snapshot.lastSyncDateTime ? when(snapshot.lastSyncDateTime) : m.never;
}

/** Graph's status in the reader's words; a status the bot does not know is shown as Graph sends it. */
export function statusText(snapshot: Pick<ConnectorSnapshot, 'status'>, m: Messages): string {
  if (!snapshot.status) return m.unknownValue;
  return Object.hasOwn(m.statusName, snapshot.status) ? m.statusName[snapshot.status as KnownStatus] : snapshot.status;
}

export function typeText(snapshot: ConnectorSnapshot, m: Messages): string {
  if (!snapshot.type) return m.unknownValue;
  return Object.hasOwn(m.typeName, snapshot.type) ? m.typeName[snapshot.type as KnownType] : snapshot.type;
}

/** How a user would type this connector in a command: quoted when the name has spaces. */
export function typedName(name: string): string {
  return /\s/.test(name) ? `"${name}"` : name;
}

export function statusCommand(name: string): string {
  return `status ${typedName(name)}`;
}
