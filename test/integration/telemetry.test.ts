import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { postExpectReplies } from '../helpers/expectReplies';
import { FakeIngestion } from '../helpers/fakeIngestion';
import { loopbackCertificate } from '../helpers/loopbackServer';
import { killAll, startBotProcess, waitForOutput } from '../helpers/processes';

const TOKEN = 'canary-graph-token-7f3a9c';
const WORDS = 'canary-words-for-telemetry';
/** Query strings can carry sign-in codes (the token service takes them there): they never reach telemetry. */
const CODE = 'canary-sign-in-code-5d1e';

const certificate = loopbackCertificate();
const ingestion = new FakeIngestion(certificate);
beforeAll(() => ingestion.start());
afterAll(async () => {
  await ingestion.stop();
  certificate.dispose();
});
afterEach(killAll);

async function say(endpoint: string, text: string, id: string): Promise<string> {
  const answer = await postExpectReplies(endpoint, {
    id,
    text,
    from: { id: '29:ada', aadObjectId: 'aad-ada', name: 'Ada' },
    conversation: { id: 'a:telemetry', conversationType: 'personal' },
  });
  return JSON.stringify(await answer.json());
}

describe('telemetry to Application Insights (APPLICATIONINSIGHTS_CONNECTION_STRING)', () => {
  it('sends requests, Graph dependencies and log lines, without tokens, message text or query strings', async () => {
    const bot = startBotProcess({
      PORT: '0',
      LOG_LEVEL: 'info',
      LOCAL_GRAPH_TOKEN: TOKEN,
      APPLICATIONINSIGHTS_CONNECTION_STRING: ingestion.connectionString,
      NODE_EXTRA_CA_CERTS: certificate.certFile,
      // The SDK's own usage statistics go to a fixed Microsoft endpoint: not from a test machine.
      APPLICATIONINSIGHTS_STATSBEAT_DISABLED_ALL: 'true',
      APPLICATIONINSIGHTS_SDKSTATS_DISABLED: 'true',
    });
    const [, endpoint] = await waitForOutput(bot, /Bot endpoint\s+(\S+)/);
    expect(await say(`${endpoint}?code=${CODE}`, 'list connectors', 't1')).toContain('CAS01');
    expect(await say(endpoint!, `sync connector CAS01 ${WORDS}`, 't2')).toContain(WORDS); // the user sees their words; telemetry must not
    bot.child.kill('SIGTERM'); // shutting down flushes the exporter's queue
    expect(await bot.exited, bot.output()).toBe(0);

    const requests = ingestion.ofType('RequestData');
    expect(requests.map((request) => String(request.url))).toEqual(
      expect.arrayContaining([expect.stringMatching(/\/api\/messages$/)]),
    );
    const graphCalls = ingestion
      .ofType('RemoteDependencyData')
      .filter((dependency) => /exchangeConnectors/.test(String(dependency.data)));
    expect(graphCalls.length).toBeGreaterThan(0);
    expect(ingestion.ofType('MessageData').length).toBeGreaterThan(0); // pino's lines

    const everything = JSON.stringify(ingestion.envelopes);
    expect(everything).not.toContain(TOKEN);
    expect(everything).not.toContain(WORDS);
    expect(everything).not.toContain(CODE);
  });
});
