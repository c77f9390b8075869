import type http from 'node:http';
import type { Connector } from '../graph/types';
import type { Fault, GraphSimulator } from './graphSimulator';

/**
 * A small HTTP API under /_simulator/ so tests and the benchmark can steer a simulator running in another process:
 * GET/DELETE calls, GET/PUT connectors, POST/DELETE faults.
 */
export function handleControl(sim: GraphSimulator, req: http.IncomingMessage, res: http.ServerResponse, path: string, body: string): void {
  const send = (status: number, json?: unknown): void => {
    // writeHead and end are never chained: restify, loaded in the same process, patches writeHead.
    res.writeHead(status, { 'Content-Type': 'application/json' });
    res.end(json === undefined ? undefined : JSON.stringify(json));
  };
  const route = `${req.method} ${path}`;
  switch (route) {
    case 'GET /_simulator/calls':
      return send(200, sim.calls);
    case 'DELETE /_simulator/calls':
      sim.calls.length = 0;
      return send(204);
    case 'GET /_simulator/connectors':
      return send(200, sim.allConnectors());
    case 'PUT /_simulator/connectors':
      sim.setConnectors(JSON.parse(body) as Connector[]);
      return send(204);
    case 'POST /_simulator/faults':
      sim.addFault(JSON.parse(body) as Fault);
      return send(204);
    case 'DELETE /_simulator/faults':
      sim.clearFaults();
      return send(204);
    default:
      return send(404, { error: 'unknown simulator control path' });
  }
}
