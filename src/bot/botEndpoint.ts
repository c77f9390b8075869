import type { Activity, TurnContext } from 'botbuilder';
import { cut, SampledWarning, type Logger } from '../logger';
import type { BotAdapter } from './adapter';
import { InboundAuthError, type InboundAuth } from './inboundAuth';

export interface EndpointAnswer {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/** How long a client is asked to wait when the keys that check its token are unreachable. */
const RETRY_AFTER_SECONDS = '30';

/**
 * POST /api/messages after the HTTP layer has read the JSON body: authenticates the request (Teams mode) or checks
 * it is for this machine (local mode), runs the turn, and returns the answer. Every refusal has a short generic
 * body; the reason goes to one structured log line, never to the caller or to stderr.
 */
export class BotEndpoint {
  constructor(
    private readonly adapter: BotAdapter,
    /** Null in local mode, where nothing is authenticated and only loopback peers are served. */
    private readonly auth: InboundAuth | null,
    private readonly logic: (context: TurnContext) => Promise<void>,
    private readonly logger: Logger,
    /** Teams mode: the Bot Framework channels served (ALLOWED_CHANNEL_IDS); empty in local mode. */
    private readonly allowedChannelIds: readonly string[] = [],
  ) {
    this.refused = new SampledWarning(logger, 'request refused before authentication');
  }

  private readonly refused: SampledWarning;

  async handle(body: unknown, authorization: string | undefined): Promise<EndpointAnswer> {
    const activity = activityOf(body);
    if (!activity)
      return { status: 400, body: { error: 'The body must be a Bot Framework activity: a JSON object with a type.' } };
    if (!this.auth) {
      if (!isLoopbackUrl(activity.serviceUrl)) {
        this.logger.warn(
          { activityId: activity.id },
          'local mode: activity with a serviceUrl outside this machine refused',
        );
        return {
          status: 400,
          body: { error: 'Local mode answers only on this machine: the serviceUrl must be a loopback address.' },
        };
      }
      return answerOf(await this.adapter.runAnonymous(activity, this.logic));
    }
    // Direct Line and Web Chat clients set channelData.tenant themselves: only the channels allowed are served.
    if (!this.allowedChannelIds.includes(activity.channelId)) {
      this.refused.warn({
        status: 403,
        reason: 'channel not allowed',
        channelId: cut(activity.channelId),
        activityId: cut(activity.id),
      });
      return { status: 403, body: { error: 'Forbidden' } };
    }
    let identity;
    try {
      identity = await this.auth.validate(authorization, activity);
    } catch (error) {
      if (!(error instanceof InboundAuthError)) throw error;
      this.refused.warn({ status: error.status, reason: error.reason, activityId: cut(activity.id) });
      return error.status === 503
        ? { status: 503, body: { error: 'Service unavailable' }, headers: { 'Retry-After': RETRY_AFTER_SECONDS } }
        : { status: 401, body: { error: 'Unauthorized' } };
    }
    return answerOf(await this.adapter.runAuthenticated(identity, activity, this.logic));
  }
}

function answerOf(invoke: { status: number; body?: unknown } | undefined): EndpointAnswer {
  return {
    status: invoke?.status ?? 200,
    ...(invoke?.body === undefined || invoke.body === null ? {} : { body: invoke.body }),
  };
}

/** The activity in a request body, with its times as Dates (what botbuilder's own request handling does). */
function activityOf(body: unknown): Activity | null {
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return null;
  const activity = body as Activity & Record<string, unknown>;
  if (typeof activity.type !== 'string' || !activity.type) return null;
  for (const field of ['timestamp', 'localTimestamp', 'expiration'] as const) {
    const value: unknown = activity[field];
    if (typeof value === 'string') (activity as Record<string, unknown>)[field] = new Date(value);
  }
  return activity;
}

export function isLoopbackUrl(value: unknown): boolean {
  if (typeof value !== 'string') return false;
  try {
    const { hostname } = new URL(value);
    return hostname === 'localhost' || hostname === '[::1]' || /^127(\.\d{1,3}){3}$/.test(hostname);
  } catch {
    return false;
  }
}
