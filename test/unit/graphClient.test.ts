import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Deadline } from '../../src/deadline';
import { GraphRequestError } from '../../src/graph/errors';
import { GraphConnectorClient } from '../../src/graph/connectorClient';
import { GraphSimulator } from '../../src/simulator/graphSimulator';
import { simulatedErrors } from '../../src/simulator/graphErrors';
import { seedConnectors } from '../../src/simulator/seed';
import { FAST_RETRIES } from '../helpers/liveBot';

const sim = new GraphSimulator({ syncCompletesAfterMs: 50 });
let client: GraphConnectorClient;
let baseUrl: string;
const [cas01] = seedConnectors();
const call = (token: string, deadlineMs = 5_000) => ({ token, deadline: Deadline.after(deadlineMs) });

beforeAll(async () => {
  baseUrl = await sim.start();
  client = new GraphConnectorClient(baseUrl, { timeoutMs: 300, retryPolicy: FAST_RETRIES });
});
afterAll(() => sim.stop());
beforeEach(() => {
  sim.calls.length = 0;
  sim.clearFaults();
});

async function failure(promise: Promise<unknown>): Promise<GraphRequestError> {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(GraphRequestError);
  return error as GraphRequestError;
}

describe('GraphConnectorClient against the simulator', () => {
  it('lists and gets connectors with the bearer token, over plain http too', async () => {
    const list = await client.list(call('token-a'));
    expect(list.connectors.map((c) => c.exchangeAlias)).toEqual(['CAS01', 'CAS02', 'EXO-Hosted', 'Munich Exchange']);
    expect(list.truncated).toBe(false);
    expect((await client.get(call('token-a'), cas01!.id)).serverName).toBe('cas01.contoso.local');
    expect(sim.calls.map((recorded) => [recorded.operation, recorded.bearerToken])).toEqual([
      ['list', 'token-a'],
      ['get', 'token-a'],
    ]);
  });

  it('follows http next links page by page (Graph pages large collections), with the token on every page', async () => {
    const paged = new GraphSimulator({
      pageSize: 2,
      connectors: Array.from({ length: 5 }, (_, n) => ({ ...cas01!, id: `c-${n}`, exchangeAlias: `C${n}` })),
    });
    const pagedClient = new GraphConnectorClient(await paged.start(), { timeoutMs: 300, retryPolicy: FAST_RETRIES });
    try {
      const list = await pagedClient.list(call('token-p'));
      expect(list.connectors.map((c) => c.id)).toEqual(['c-0', 'c-1', 'c-2', 'c-3', 'c-4']);
      expect(paged.calls.map((recorded) => [recorded.operation, recorded.bearerToken, recorded.status])).toEqual(
        Array(3).fill(['list', 'token-p', 200]),
      );
    } finally {
      await paged.stop();
    }
  });

  it('never sends the token to a next link on another host', async () => {
    const rogue = http.createServer((_req, res) => {
      res.writeHead(200, { 'Content-Type': 'application/json' });
      res.end(
        JSON.stringify({
          value: [{ id: 'x' }],
          '@odata.nextLink': 'https://evil.example/v1.0/deviceManagement/exchangeConnectors?$skiptoken=1',
        }),
      );
    });
    await new Promise<void>((resolve) => rogue.listen(0, '127.0.0.1', resolve));
    const rogueClient = new GraphConnectorClient(`http://127.0.0.1:${(rogue.address() as AddressInfo).port}/v1.0`, {
      timeoutMs: 300,
      retryPolicy: FAST_RETRIES,
    });
    try {
      expect(await failure(rogueClient.list(call('secret')))).toMatchObject({ kind: 'badRequest' });
    } finally {
      rogue.closeAllConnections();
      rogue.close();
    }
  });

  it("sends one POST with the sync type and returns Graph's request-id; Intune updates the last sync later", async () => {
    const before = sim.connector(cas01!.id)?.lastSyncDateTime;
    const { requestId } = await client.sync(call('token-b'), cas01!.id, 'deltaSync');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.syncCalls()).toEqual([
      expect.objectContaining({ method: 'POST', syncType: 'deltaSync', bearerToken: 'token-b', status: 204 }),
    ]);
    expect(sim.connector(cas01!.id)?.lastSyncDateTime).toBe(before);
    await expect.poll(() => sim.connector(cas01!.id)?.lastSyncDateTime, { timeout: 2_000 }).not.toBe(before);
  });

  it.each([
    ['expired token', simulatedErrors.expiredToken(), 'unauthorized', 401],
    ['missing scope', simulatedErrors.missingScope(), 'forbidden', 403],
    ['missing Intune role', simulatedErrors.missingRole(), 'forbidden', 403],
    ['bad request', simulatedErrors.badRequest('nope'), 'badRequest', 400],
    ['throttled beyond the deadline', simulatedErrors.throttled(7), 'throttled', 429],
    ['unavailable', simulatedErrors.unavailable(), 'unavailable', 503],
  ] as const)('turns %s into a typed error with the request-id', async (_name, error, kind, status) => {
    sim.addFault({ operation: 'sync', error, times: 3 });
    const caught = await failure(client.sync(call('t'), cas01!.id, 'fullSync'));
    expect(caught).toMatchObject({ kind, status });
    expect(caught.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(caught.retryAfterSeconds).toBe(kind === 'throttled' ? 7 : null);
  });

  it('a 504 on the sync is never resent: one POST, outcome unknown', async () => {
    sim.addFault({ operation: 'sync', error: simulatedErrors.unavailable(504), times: 1 });
    expect(await failure(client.sync(call('t'), cas01!.id, 'fullSync'))).toMatchObject({
      kind: 'noAnswer',
      delivery: 'unknown',
      status: 504,
    });
    expect(sim.syncCalls()).toHaveLength(1);
  });

  it('a sync that hangs past GRAPH_TIMEOUT_MS is abandoned, never resent: its outcome is unknown', async () => {
    sim.addFault({ operation: 'sync', delayMs: 1_000, apply: true, times: 1 });
    const started = Date.now();
    expect(await failure(client.sync(call('t'), cas01!.id, 'fullSync'))).toMatchObject({
      kind: 'noAnswer',
      delivery: 'unknown',
    });
    expect(Date.now() - started).toBeLessThan(900);
    expect(sim.syncCalls()).toHaveLength(1);
  });

  it('a connection dropped after the sync was sent is unknown; a read that hangs is retried', async () => {
    sim.addFault({ operation: 'sync', dropConnection: true, apply: true, times: 1 });
    expect(await failure(client.sync(call('t'), cas01!.id, 'fullSync'))).toMatchObject({ kind: 'noAnswer' });
    expect(sim.syncCalls()).toEqual([expect.objectContaining({ accepted: true })]);
    sim.addFault({ operation: 'list', delayMs: 1_000, times: 1 });
    expect((await client.list(call('t'))).connectors).toHaveLength(4);
    expect(sim.calls.filter((recorded) => recorded.operation === 'list')).toHaveLength(2);
  });

  it('reports an unknown connector as notFound and a missing token as unauthorized', async () => {
    expect(await failure(client.sync(call('t'), 'no-such-id', 'fullSync'))).toMatchObject({
      kind: 'notFound',
      status: 404,
    });
    expect(await failure(client.list(call('')))).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('reports a Graph it cannot reach as unreachable (not sent)', async () => {
    const closed = http.createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const nowhere = new GraphConnectorClient(`http://127.0.0.1:${port}/v1.0`, {
      timeoutMs: 300,
      retryPolicy: FAST_RETRIES,
    });
    expect(await failure(nowhere.list(call('t')))).toMatchObject({
      kind: 'unreachable',
      status: null,
      requestId: null,
      delivery: 'notSent',
    });
  });
});

describe('GraphSimulator control API (for other processes)', () => {
  it('replaces connectors, injects faults and reports calls', async () => {
    const root = baseUrl.replace(/\/v1\.0$/, '');
    const put = await fetch(`${root}/_simulator/connectors`, {
      method: 'PUT',
      body: JSON.stringify([{ ...cas01!, id: 'only-one' }]),
    });
    expect(put.status).toBe(204);
    expect((await client.list(call('t'))).connectors.map((c) => c.id)).toEqual(['only-one']);
    await fetch(`${root}/_simulator/faults`, {
      method: 'POST',
      body: JSON.stringify({ operation: 'list', error: simulatedErrors.missingRole(), times: 1 }),
    });
    await expect(client.list(call('t'))).rejects.toMatchObject({ kind: 'forbidden' });
    const calls = (await (await fetch(`${root}/_simulator/calls`)).json()) as Array<{
      operation: string;
      status: number;
    }>;
    expect(calls.slice(-2).map((recorded) => [recorded.operation, recorded.status])).toEqual([
      ['list', 200],
      ['list', 403],
    ]);
    sim.setConnectors(seedConnectors());
  });
});

describe('GraphSimulator wire shapes', () => {
  it("answers a bad syncType with 400 and Graph's error body and headers", async () => {
    const response = await fetch(`${baseUrl}/deviceManagement/exchangeConnectors/${cas01!.id}/sync`, {
      method: 'POST',
      headers: { Authorization: 'Bearer t', 'Content-Type': 'application/json' },
      body: JSON.stringify({ syncType: 'everything' }),
    });
    expect(response.status).toBe(400);
    const requestId = response.headers.get('request-id');
    const body = (await response.json()) as { error: { code: string; innerError: Record<string, string> } };
    expect(body.error.code).toBe('BadRequest');
    expect(body.error.innerError['request-id']).toBe(requestId);
    expect(body.error.innerError.date).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/);
  });

  it('answers 401 with WWW-Authenticate when no bearer token is sent', async () => {
    const response = await fetch(`${baseUrl}/deviceManagement/exchangeConnectors`);
    expect(response.status).toBe(401);
    expect(response.headers.get('www-authenticate')).toMatch(/^Bearer /);
    expect(((await response.json()) as { error: { code: string } }).error.code).toBe('InvalidAuthenticationToken');
  });
});
