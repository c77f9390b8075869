import type { ConnectorClient, ConnectorFactory } from 'botframework-connector';

/** The part of an @azure/core-rest-pipeline pipeline this module touches. */
interface Pipeline {
  getOrderedPolicies(): Array<{ name: string }>;
  removePolicy(options: { name: string }): unknown;
  addPolicy(policy: {
    name: string;
    sendRequest(request: { abortSignal?: AbortSignal }, next: (request: unknown) => Promise<unknown>): Promise<unknown>;
  }): void;
}

const RETRY_POLICY = 'defaultRetryPolicy';
const DEADLINE_POLICY = 'connectorSyncBotDeadline';

/**
 * botframework-connector's clients (the Bot Connector for replies and card updates, the token service for user
 * tokens) run on @azure/core-rest-pipeline with its default retry policy and no timeout: a failing card update was
 * sent four times and took five seconds. Every Bot Framework call here gets one attempt with a deadline instead;
 * the callers decide what a failure means (a card update falls back to a new message, a token lookup to sign-in).
 * botbuilder 4.23.3 is the last release (support ended 2025-12-31), so this reach into its client stays put; a test
 * fails loudly if the pipeline is not found.
 */
export function oneAttemptWithDeadline<T extends object>(serviceClient: T, timeoutMs: number): T {
  const pipeline = (serviceClient as { client?: { pipeline?: Pipeline } }).client?.pipeline;
  if (!pipeline) throw new Error('botframework-connector client without an HTTP pipeline: its internals changed');
  if (pipeline.getOrderedPolicies().some((policy) => policy.name === DEADLINE_POLICY)) return serviceClient;
  pipeline.removePolicy({ name: RETRY_POLICY });
  pipeline.addPolicy({
    name: DEADLINE_POLICY,
    sendRequest: (request, next) => {
      const deadline = AbortSignal.timeout(timeoutMs);
      request.abortSignal = request.abortSignal ? AbortSignal.any([request.abortSignal, deadline]) : deadline;
      return next(request);
    },
  });
  return serviceClient;
}

/** A connector factory whose clients make one attempt per call, each with a deadline. */
export function withDeadlines(factory: ConnectorFactory, timeoutMs: number): ConnectorFactory {
  return {
    create: async (serviceUrl: string, audience?: string): Promise<ConnectorClient> =>
      oneAttemptWithDeadline(await factory.create(serviceUrl, audience), timeoutMs),
  };
}
