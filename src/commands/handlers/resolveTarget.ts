import type { Connector, GraphCall } from '../../graph/types';
import { snapshotOf } from '../../sync/connectorSnapshot';
import type { ConnectorFilter } from '../command';
import type { ConnectorDirectory } from '../connectorDirectory';
import { resolveConnector, type Resolution } from '../resolveConnector';

/** What the words of a command name: one connector, several, or one plus words that name nothing. */
export type TargetResolution =
  | Resolution
  /** "sync CAS01 CAS02": two names, each a connector. */
  | { kind: 'several'; connectors: Connector[] }
  /** "sync CAS01 sometimes": one connector, and words that are neither a name nor a keyword. */
  | { kind: 'leftover'; connector: Connector; words: string[] };

/**
 * Finds what the user named. The words together first ("Munich Exchange" needs no quotes); if they name nothing
 * together, each word on its own. Uses the directory's cached list, refreshed once for a name it does not know.
 */
export async function resolveTarget(
  words: readonly string[],
  directory: ConnectorDirectory,
  userKey: string,
  call: GraphCall,
  busy: () => void,
): Promise<{ resolution: TargetResolution; connectors: readonly Connector[]; truncated: boolean }> {
  const { resolution, list } = await directory.resolve(userKey, call, words.join(' '), busy);
  const result = (r: TargetResolution) => ({ resolution: r, connectors: list.connectors, truncated: list.truncated });
  if (resolution.kind !== 'unknown' || words.length === 1) return result(resolution);
  const found = new Map<string, Connector>();
  const unmatched: string[] = [];
  for (const word of words) {
    const each = resolveConnector(word, list.connectors);
    if (each.kind === 'found') found.set(each.connector.id, each.connector);
    else unmatched.push(word);
  }
  const [only] = [...found.values()];
  if (found.size >= 2) return result({ kind: 'several', connectors: [...found.values()] });
  if (only) return result({ kind: 'leftover', connector: only, words: unmatched });
  return result(resolution);
}

/** Whether a connector is of the kind and status a request named ("sync the hosted connector"). */
export function matchesFilter(connector: Connector, filter: ConnectorFilter): boolean {
  const snapshot = snapshotOf(connector);
  return (!filter.type || snapshot.type === filter.type) && (!filter.status || snapshot.status === filter.status);
}
