import { GraphRequestError } from '../graph/errors';
import type { Connector, ConnectorGraph, ConnectorList, GraphCall } from '../graph/types';
import { resolveConnector, type Resolution } from './resolveConnector';

interface Entry {
  list: ConnectorList;
  fetchedAt: number;
}

/** Cached lists of at most this many users; the least recently fetched goes first. */
const MAX_USERS = 1_000;

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
  ) {}

  /** The current list, straight from Graph (what `list connectors` shows is never stale). */
  async fresh(userKey: string, call: GraphCall, busy: () => void = () => undefined): Promise<ConnectorList> {
    busy();
    const list = await this.graph.list(call);
    this.entries.delete(userKey); // re-inserted last: the Map's order is least recently fetched first
    this.entries.set(userKey, { list, fetchedAt: this.now() });
    if (this.entries.size > MAX_USERS) {
      const oldest = this.entries.keys().next().value;
      if (oldest !== undefined) this.entries.delete(oldest);
    }
    return list;
  }

  /**
   * Finds the connector a user named. A name the cached list does not know refreshes the list once (a connector
   * added a moment ago), so a command costs at most one list call.
   */
  async resolve(
    userKey: string,
    call: GraphCall,
    query: string,
    busy: () => void = () => undefined,
  ): Promise<{ resolution: Resolution; list: ConnectorList }> {
    const cached = this.entries.get(userKey);
    if (cached && this.now() - cached.fetchedAt < this.ttlMs) {
      const resolution = resolveConnector(query, cached.list.connectors);
      if (resolution.kind !== 'unknown') return { resolution, list: cached.list };
    }
    const list = await this.fresh(userKey, call, busy);
    return { resolution: resolveConnector(query, list.connectors), list };
  }

  /**
   * One connector as it is now (one GET): what a status answer shows. The cached list only finds it: a sync that
   * completed a moment ago must show, whatever the list said a minute ago. A 404 empties the user's cache.
   */
  async current(
    userKey: string,
    call: GraphCall,
    connectorId: string,
    busy: () => void = () => undefined,
  ): Promise<Connector> {
    busy();
    try {
      return await this.graph.get(call, connectorId);
    } catch (error) {
      if (error instanceof GraphRequestError && error.kind === 'notFound') this.invalidate(userKey);
      throw error;
    }
  }

  /** After a 404 the cached list is wrong: the next look-up asks Graph again. */
  invalidate(userKey: string): void {
    this.entries.delete(userKey);
  }
}
