import { ActivityTypes, type Activity, type Middleware, type TurnContext } from 'botbuilder';
import type { Logger } from '../logger';
import { sendInvokeResponse } from './invokeResponses';

/** The Entra tenant an activity comes from: Teams sends it in channelData and on the conversation. */
export function tenantOf(activity: Activity): string | null {
  const fromChannelData = (activity.channelData as { tenant?: { id?: unknown } } | undefined)?.tenant?.id;
  const id = typeof fromChannelData === 'string' ? fromChannelData : activity.conversation?.tenantId;
  return id ? id.toLowerCase() : null;
}

/**
 * Refuses, with nothing done, every activity from a tenant that is not in ALLOWED_TENANT_IDS. Runs before
 * anything else, sign-in included. An empty list allows every tenant (local mode).
 */
export class TenantGuard implements Middleware {
  constructor(
    private readonly allowed: readonly string[],
    private readonly logger: Logger,
  ) {}

  async onTurn(context: TurnContext, next: () => Promise<void>): Promise<void> {
    const tenant = tenantOf(context.activity);
    if (this.allowed.length === 0 || (tenant !== null && this.allowed.includes(tenant))) {
      await next();
      return;
    }
    this.logger.warn(
      { activityId: context.activity.id, tenant, type: context.activity.type },
      'activity from a tenant that is not allowed: refused',
    );
    if (context.activity.type === ActivityTypes.Invoke) await sendInvokeResponse(context, 403);
  }
}
