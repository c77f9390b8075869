import type { Connector, ConnectorGraph } from '../graph/types';

interface Entry {
  connectors: Connector[];
  fetchedAt: number;
}

/**
 * The connectors a user can see, cached briefly per user so that resolving a name does not list the tenant's
 * connectors on every command. Per user, because what Graph shows depends on the user's own permissions.
 */
export class ConnectorDirectory {
  private readonly entries = new Map<string, Entry>();

  constructor(
    private readonly graph: ConnectorGraph,
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
    private readonly maxUsers = 1_000,
  ) {}

  async list(userKey: string, token: string, options: { fresh?: boolean } = {}): Promise<Connector[]> {
    const entry = this.entries.get(userKey);
    if (!options.fresh && entry && this.now() - entry.fetchedAt < this.ttlMs) return entry.connectors;
    const connectors = await this.graph.list(token);
    this.entries.delete(userKey); // re-insert so the Map's order is least recently fetched first
    this.entries.set(userKey, { connectors, fetchedAt: this.now() });
    if (this.entries.size > this.maxUsers) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return connectors;
  }

  /** After a 404 the cached list is wrong: the next look-up asks Graph again. */
  invalidate(userKey: string): void {
    this.entries.delete(userKey);
  }
}
