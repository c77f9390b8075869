import type { AuditLog } from './auditLog';
import type { RecentRequest } from './confirmation';
import type { WatchStore } from './watchStore';

/**
 * Whether a connector had a sync asked for recently: one being followed right now, or one Graph accepted within
 * SYNC_COOLDOWN_MINUTES. The new confirmation card says so and its button reads "Sync again anyway": never a block.
 */
export class RecentRequests {
  constructor(private readonly deps: { audit: AuditLog; watches: WatchStore; cooldownMs: number; now: () => Date }) {}

  async of(connectorId: string): Promise<RecentRequest | undefined> {
    const watch = (await this.deps.watches.read(connectorId))?.value;
    if (watch?.state.kind === 'watching')
      return { by: watch.requestedBy, syncType: watch.syncType, at: watch.acceptedAt, progress: 'watching' };
    if (this.deps.cooldownMs === 0) return undefined;
    const [latest] = await this.deps.audit.recent(connectorId, 1);
    if (
      !latest ||
      latest.outcome === 'refused' ||
      this.deps.now().getTime() - Date.parse(latest.at) > this.deps.cooldownMs
    )
      return undefined;
    const followed = watch && watch.acceptedAt === latest.at ? watch.state.kind : null;
    const progress = followed === 'completed' || followed === 'notReported' ? followed : 'requested';
    return { by: latest.confirmedBy, syncType: latest.syncType, at: latest.at, progress };
  }
}
