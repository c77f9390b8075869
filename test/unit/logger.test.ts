import { describe, expect, it } from 'vitest';
import { createLogger } from '../../src/logger';

describe('logger', () => {
  it('logs errors without the request they carry (headers, bodies, tokens)', () => {
    const lines: string[] = [];
    const logger = createLogger('info', { write: (line: string) => void lines.push(line) });
    const error = Object.assign(new Error('Request failed'), {
      statusCode: 500,
      code: 'REQUEST_SEND_ERROR',
      request: { headers: { Authorization: 'Bearer secret-token-123' }, body: '{"token":"sso-secret-456"}' },
      response: { headers: { 'set-cookie': 'x' } },
    });
    logger.error({ err: error, token: 'plain-token-789' }, 'token service call failed');
    const line = lines.join('');
    expect(line).toContain('Request failed');
    expect(line).toContain('"statusCode":500');
    for (const secret of ['secret-token-123', 'sso-secret-456', 'plain-token-789']) expect(line).not.toContain(secret);
  });
});
