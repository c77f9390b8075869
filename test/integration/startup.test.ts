import { afterEach, describe, expect, it } from 'vitest';
import { killAll, startBotProcess, waitForOutput } from '../helpers/processes';
import { postExpectReplies } from '../helpers/expectReplies';

afterEach(killAll);

describe('npm start', () => {
  it('starts in local mode on the embedded simulator, prints one banner, answers, and stops cleanly on SIGTERM', async () => {
    const bot = startBotProcess({ PORT: '0', MicrosoftAppId: '', LOG_LEVEL: 'warn' });
    const [, endpoint] = await waitForOutput(bot, /Bot endpoint\s+(http:\/\/127\.0\.0\.1:\d+\/api\/messages)/);
    expect(bot.output()).toContain('LOCAL MODE');
    expect(bot.output()).toMatch(/Auth\s+disabled/);
    expect(bot.output()).toMatch(/Graph\s+http:\/\/127\.0\.0\.1:\d+\/v1\.0 \(embedded simulator/);
    expect(bot.output()).toContain('npm run playground');

    const answer = await postExpectReplies(endpoint!, {
      id: 'a1',
      text: 'list connectors',
      conversation: { id: 'a:1' },
    });
    expect(JSON.stringify(await answer.json())).toContain('CAS01');

    bot.child.kill('SIGTERM');
    expect(await bot.exited).toBe(0);
  });

  it('refuses invalid configuration with one error listing every problem, exit code 1, nothing started', async () => {
    const bot = startBotProcess({ PORT: 'abc', LOG_LEVEL: 'chatty', MicrosoftAppId: 'some-app-id' });
    expect(await bot.exited).toBe(1);
    const output = bot.output();
    expect(output).toContain('did not start');
    for (const key of ['PORT', 'LOG_LEVEL', 'MicrosoftAppPassword', 'OAUTH_CONNECTION_NAME'])
      expect(output).toContain(key);
    expect(output).not.toContain('Bot endpoint');
  });
});
