import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
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

beforeAll(async () => {
  baseUrl = await sim.start();
  client = new GraphConnectorClient(baseUrl, FAST_RETRIES);
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
    const list = await client.list('token-a');
    expect(list.map((c) => c.exchangeAlias)).toEqual(['CAS01', 'CAS02', 'EXO-Hosted', 'Munich Exchange']);
    expect((await client.get('token-a', cas01!.id)).serverName).toBe('cas01.contoso.local');
    expect(sim.calls.map((call) => [call.operation, call.bearerToken])).toEqual([
      ['list', 'token-a'],
      ['get', 'token-a'],
    ]);
  });

  it('sends one POST with the sync type and returns Graph\'s request-id; Intune updates the last sync later', async () => {
    const before = sim.connector(cas01!.id)?.lastSyncDateTime;
    const { requestId } = await client.sync('token-b', cas01!.id, 'deltaSync');
    expect(requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(sim.syncCalls()).toEqual([expect.objectContaining({ method: 'POST', syncType: 'deltaSync', bearerToken: 'token-b', status: 204 })]);
    expect(sim.connector(cas01!.id)?.lastSyncDateTime).toBe(before);
    await new Promise((resolve) => setTimeout(resolve, 120));
    expect(sim.connector(cas01!.id)?.lastSyncDateTime).not.toBe(before);
  });

  it.each([
    ['expired token', simulatedErrors.expiredToken(), 'unauthorized', 401],
    ['missing scope', simulatedErrors.missingScope(), 'forbidden', 403],
    ['missing Intune role', simulatedErrors.missingRole(), 'forbidden', 403],
    ['bad request', simulatedErrors.badRequest('nope'), 'badRequest', 400],
    ['throttled beyond the retry budget', simulatedErrors.throttled(7), 'throttled', 429],
    ['unavailable', simulatedErrors.unavailable(), 'unavailable', 503],
  ] as const)('turns %s into a typed error with the request-id', async (_name, error, kind, status) => {
    sim.addFault({ operation: 'sync', error, times: 3 });
    const caught = await failure(client.sync('t', cas01!.id, 'fullSync'));
    expect(caught).toMatchObject({ kind, status });
    expect(caught.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(caught.retryAfterSeconds).toBe(kind === 'throttled' ? 7 : null);
  });

  it('reports an unknown connector as notFound and a missing token as unauthorized', async () => {
    expect(await failure(client.sync('t', 'no-such-id', 'fullSync'))).toMatchObject({ kind: 'notFound', status: 404 });
    expect(await failure(client.list(''))).toMatchObject({ kind: 'unauthorized', status: 401 });
  });

  it('reports a Graph it cannot reach as unreachable', async () => {
    const nowhere = new GraphConnectorClient('http://127.0.0.1:9/v1.0', FAST_RETRIES);
    expect(await failure(nowhere.list('t'))).toMatchObject({ kind: 'unreachable', status: null, requestId: null });
  });
});

describe('GraphSimulator control API (for other processes)', () => {
  it('replaces connectors, injects faults and reports calls', async () => {
    const root = baseUrl.replace(/\/v1\.0$/, '');
    const put = await fetch(`${root}/_simulator/connectors`, { method: 'PUT', body: JSON.stringify([{ ...cas01!, id: 'only-one' }]) });
    expect(put.status).toBe(204);
    expect((await client.list('t')).map((c) => c.id)).toEqual(['only-one']);
    await fetch(`${root}/_simulator/faults`, { method: 'POST', body: JSON.stringify({ operation: 'list', error: simulatedErrors.missingRole(), times: 1 }) });
    await expect(client.list('t')).rejects.toMatchObject({ kind: 'forbidden' });
    const calls = (await (await fetch(`${root}/_simulator/calls`)).json()) as Array<{ operation: string; status: number }>;
    expect(calls.slice(-2).map((call) => [call.operation, call.status])).toEqual([['list', 200], ['list', 403]]);
    sim.setConnectors(seedConnectors());
  });
});

describe('GraphSimulator wire shapes', () => {
  it('answers a bad syncType with 400 and Graph\'s error body and headers', async () => {
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
