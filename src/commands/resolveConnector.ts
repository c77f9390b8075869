import { distance } from 'fastest-levenshtein';
import type { Connector } from '../graph/types';
import { namesOf } from '../sync/connectorSnapshot';

export type Resolution =
  | { kind: 'found'; connector: Connector }
  | { kind: 'ambiguous'; candidates: Connector[] }
  | { kind: 'unknown'; suggestion: Connector | null };

/**
 * Finds the connector a user meant. Case-insensitive; in order: the id, an exact name, then a unique prefix of the
 * id or of any name. Several exact or prefix matches make the answer ambiguous rather than a guess.
 */
export function resolveConnector(query: string, connectors: readonly Connector[]): Resolution {
  const wanted = query.trim().toLowerCase();
  if (!wanted) return { kind: 'unknown', suggestion: null };

  const byId = connectors.find((connector) => connector.id.toLowerCase() === wanted);
  if (byId) return { kind: 'found', connector: byId };

  const exact = connectors.filter((connector) => namesOf(connector).some((name) => name.toLowerCase() === wanted));
  if (exact.length > 0) return oneOrMany(exact);

  const prefixed = connectors.filter((connector) =>
    [connector.id, ...namesOf(connector)].some((name) => name.toLowerCase().startsWith(wanted)),
  );
  if (prefixed.length > 0) return oneOrMany(prefixed);

  return { kind: 'unknown', suggestion: nearest(wanted, connectors) };
}

function oneOrMany(matches: Connector[]): Resolution {
  const [only] = matches;
  return matches.length === 1 && only ? { kind: 'found', connector: only } : { kind: 'ambiguous', candidates: matches };
}

/** The connector whose name is closest to a typo, if any is close enough to be worth suggesting. */
function nearest(wanted: string, connectors: readonly Connector[]): Connector | null {
  let best: { connector: Connector; score: number } | null = null;
  for (const connector of connectors) {
    for (const name of namesOf(connector)) {
      const lower = name.toLowerCase();
      const score = distance(wanted, lower);
      if (score <= Math.max(2, Math.floor(lower.length / 3)) && (!best || score < best.score)) {
        best = { connector, score };
      }
    }
  }
  return best?.connector ?? null;
}
