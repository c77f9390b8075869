import type http from 'node:http';
import type { Connector } from '../graph/types';
import { sendJson } from './http';

/** What the control API can do to a simulator (implemented by GraphSimulator). */
export interface SimulatorControls {
  readonly calls: unknown[];
  allConnectors(): Connector[];
  setConnectors(connectors: Connector[]): void;
  changeConnector(id: string, change: Pick<Connector, 'status' | 'lastSyncDateTime'>): boolean;
  addFault(fault: unknown): void;
  clearFaults(): void;
}

/**
 * A small HTTP API under /_simulator/ so tests and the benchmark can steer a simulator running in another process:
 * GET/DELETE calls, GET/PUT connectors, PATCH one connector's `status` or `lastSyncDateTime`, POST/DELETE faults.
 */
export function handleControl(
  sim: SimulatorControls,
  req: http.IncomingMessage,
  res: http.ServerResponse,
  path: string,
  body: string,
): void {
  const one = /^\/_simulator\/connectors\/([A-Za-z0-9-]{1,64})$/.exec(path);
  if (req.method === 'PATCH' && one?.[1]) {
    const { status, lastSyncDateTime } = JSON.parse(body) as Pick<Connector, 'status' | 'lastSyncDateTime'>;
    const changed = sim.changeConnector(one[1], {
      ...(status !== undefined ? { status } : {}),
      ...(lastSyncDateTime !== undefined ? { lastSyncDateTime } : {}),
    });
    return sendJson(res, changed ? 204 : 404, changed ? undefined : { error: 'no such connector' });
  }
  switch (`${req.method} ${path}`) {
    case 'GET /_simulator/calls':
      return sendJson(res, 200, sim.calls);
    case 'DELETE /_simulator/calls':
      sim.calls.length = 0;
      return sendJson(res, 204, undefined);
    case 'GET /_simulator/connectors':
      return sendJson(res, 200, sim.allConnectors());
    case 'PUT /_simulator/connectors':
      sim.setConnectors(JSON.parse(body) as Connector[]);
      return sendJson(res, 204, undefined);
    case 'POST /_simulator/faults':
      sim.addFault(JSON.parse(body));
      return sendJson(res, 204, undefined);
    case 'DELETE /_simulator/faults':
      sim.clearFaults();
      return sendJson(res, 204, undefined);
    default:
      return sendJson(res, 404, { error: 'unknown simulator control path' });
  }
}
