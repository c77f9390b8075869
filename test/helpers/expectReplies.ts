/**
 * A typed message as Teams (or the Agents Playground) posts it to /api/messages, asking for the bot's answers in the
 * HTTP response (deliveryMode expectReplies), so a test reads them without a fake connector. Ada writes "help" in a
 * personal chat unless the test says otherwise.
 */
export function expectRepliesMessage(overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    type: 'message',
    id: `m-${Math.random()}`,
    text: 'help',
    channelId: 'msteams',
    serviceUrl: 'http://127.0.0.1:9/',
    deliveryMode: 'expectReplies',
    from: { id: '29:1', name: 'Ada' },
    recipient: { id: '28:bot' },
    conversation: { id: 'a:1', conversationType: 'personal' },
    ...overrides,
  };
}

/** Posts that message to the bot's endpoint; the response's JSON body holds the answers. */
export function postExpectReplies(endpoint: string, overrides: Record<string, unknown> = {}): Promise<Response> {
  return fetch(endpoint, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json' },
    body: JSON.stringify(expectRepliesMessage(overrides)),
  });
}
