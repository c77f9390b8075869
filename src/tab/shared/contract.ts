/**
 * What the dashboard page and the bot's `/api/tab/` routes exchange. Types only, without Node or DOM: the server and
 * the page (bundled for the browser) both compile against this one file, so neither can drift from the other.
 */
export type SyncType = 'fullSync' | 'deltaSync';
export type Outcome = 'requested' | 'refused' | 'unknown';

/** One sync request from the bot's audit, in the reader's language (times are ISO; the page formats them). */
export interface RequestLine {
  at: string;
  by: string;
  syncType: SyncType;
  syncTypeName: string;
  outcome: Outcome;
  outcomeText: string;
  /** What became of it, in words (moments as in MOMENT_PATTERN); null while not known. */
  completionText: string | null;
  requestId: string | null;
  /** What became of an accepted sync the bot followed; null while followed, or when it was not followed. */
  completion: RequestCompletion | null;
}

/** The end of a followed sync (`at` is ISO; the page formats it). */
export type RequestCompletion =
  | { state: 'completed'; at: string; minutes: number }
  | { state: 'notReported'; at: string; minutes: number }
  | { state: 'statusChanged'; at: string; status: string }
  | { state: 'stopped'; at: string; reason: 'signIn' | 'gone' };

export interface ConnectorRow {
  id: string;
  name: string;
  /** Graph's raw status and its name in the reader's language (a status the bot does not know: as Graph sends it). */
  status: string | null;
  statusText: string;
  typeText: string;
  serverName: string | null;
  version: string | null;
  lastSyncDateTime: string | null;
  /** The most recent request the bot sent for this connector, from any chat or tab. */
  latest: RequestLine | null;
}

export interface ConnectorsAnswer {
  connectors: ConnectorRow[];
  /** Graph had more pages than the bot reads. */
  truncated: boolean;
}

export interface HistoryAnswer {
  entries: RequestLine[];
}

/** A line of a confirmation as the page shows it; `tone` as the chat card colours it. */
export interface ViewLine {
  /** May hold moments as `⟨when:ISO⟩` (date and time) or `⟨time:ISO⟩`, which the page fills in for the reader. */
  text: string;
  tone: 'good' | 'attention' | 'warning' | 'accent' | null;
  subtle: boolean;
}

/** A confirmation as the page shows it, in the chat card's words (one presenter writes both). */
export interface ConfirmationView {
  id: string;
  state: 'pending' | 'claimed' | 'requested' | 'refused' | 'unknown' | 'cancelled' | 'expired' | 'superseded';
  connectorId: string;
  connectorName: string;
  syncType: SyncType;
  title: string;
  tone: ViewLine['tone'];
  lines: ViewLine[];
  /** The confirm button's words ("Start full sync", or "Sync again anyway" after a recent request). */
  confirmLabel: string;
  /** Graph's request-id, on success and on failure, for support. */
  requestId: string | null;
  expiresAt: string;
}

/** A connector being followed now (or until the page last asked), from storage: what a row shows without Refresh. */
export interface LiveRow {
  connectorId: string;
  /** The latest request, with its completion as soon as the watch ended. */
  latest: RequestLine | null;
  /** While the bot follows it: since when, until when, and its last poll; null once it ended. */
  watch: {
    since: string;
    until: string;
    polledAt: string | null;
    /** Only an open dashboard follows it (it was confirmed in the tab and no chat shows it). */
    byPage: boolean;
  } | null;
}

export interface LiveAnswer {
  rows: LiveRow[];
  /** How often the page asks again while it is visible. */
  pollMs: number;
}

/** Moments in server texts: the page replaces each with the reader's own format. */
export const MOMENT_PATTERN = /⟨(when|time):([^⟩]+)⟩/g;

export type ProblemKind =
  'unauthorized' | 'forbidden' | 'consentRequired' | 'notFound' | 'badRequest' | 'unavailable' | 'graph';

export interface ProblemAnswer {
  error: ProblemKind;
  /** In the reader's language, when there is something specific to say. */
  message?: string;
}

/** The page's own words: labels and explanations that the chat cards do not have. */
export interface TabStrings {
  title: string;
  refresh: string;
  loading: string;
  localMode: string;
  notInTeams: string;
  notConfigured: string;
  signInFailed: string;
  forbidden: string;
  consentNeeded: string;
  consentButton: string;
  empty: string;
  emptyOnPremises: string;
  truncated: string;
  columns: {
    connector: string;
    status: string;
    type: string;
    server: string;
    version: string;
    lastSync: string;
    latest: string;
    actions: string;
  };
  fullSync: string;
  deltaSync: string;
  history: string;
  hideHistory: string;
  historyEmpty: string;
  confirmQuestion: string;
  confirm: string;
  cancel: string;
  working: string;
  noRequests: string;
  requestId: string;
  byWhom: string;
  failed: string;
  /** `{since}` and `{checked}` are filled in by the page. */
  following: string;
  notChecked: string;
  /** `{name}`: the connector's name. */
  followedByPage: string;
  dismiss: string;
  graphSignIn: string;
}

/** Everything the page needs to speak one language, embedded in the page itself (no request before sign-in). */
export interface PageStrings {
  tab: TabStrings;
  never: string;
  unknownValue: string;
  syncTypeName: Record<SyncType, string>;
  syncTypeExplained: Record<SyncType, string>;
  startSync: Record<SyncType, string>;
}

/** Rendered into the page as JSON: what it is, and what it can do. */
export interface PageConfig {
  mode: 'local' | 'teams' | 'notConfigured';
  page: 'dashboard' | 'consentStart' | 'consentEnd';
  strings: { en: PageStrings; de: PageStrings };
  /** consentStart: where Entra asks the user (or an admin) to consent. */
  authorizeUrl?: string;
}
