import type {
  ConfirmationView,
  ConnectorsAnswer,
  HistoryAnswer,
  LiveAnswer,
  ProblemAnswer,
  SyncType,
} from '../shared/contract';
import type { Host } from './host';

/** An API answer that was not a success, with what the server said. */
export class ApiProblem extends Error {
  constructor(
    readonly status: number,
    readonly answer: ProblemAnswer & { confirmation?: ConfirmationView },
  ) {
    super(answer.message ?? answer.error);
  }
}

/** The bot's dashboard API, called from its own origin with the Teams token (Teams) or none (local mode). */
export class Api {
  constructor(
    private readonly host: Host,
    private readonly locale: string,
  ) {}

  connectors(): Promise<ConnectorsAnswer> {
    return this.call('GET', '/api/tab/connectors');
  }

  /** The followed connectors, and `also` these (ids the page saw followed), from storage. */
  live(also: readonly string[]): Promise<LiveAnswer> {
    return this.call('GET', `/api/tab/live?also=${also.map(encodeURIComponent).join(',')}`);
  }

  history(connectorId: string): Promise<HistoryAnswer> {
    return this.call('GET', `/api/tab/connectors/${encodeURIComponent(connectorId)}/history`);
  }

  propose(connectorId: string, syncType: SyncType): Promise<ConfirmationView> {
    return this.call('POST', '/api/tab/confirmations', { connectorId, syncType });
  }

  confirm(id: string): Promise<ConfirmationView> {
    return this.call('POST', `/api/tab/confirmations/${encodeURIComponent(id)}/confirm`, {});
  }

  cancel(id: string): Promise<ConfirmationView> {
    return this.call('POST', `/api/tab/confirmations/${encodeURIComponent(id)}/cancel`, {});
  }

  private async call<T>(method: 'GET' | 'POST', path: string, body?: unknown): Promise<T> {
    const token = await this.host.token();
    const response = await fetch(path, {
      method,
      credentials: 'same-origin',
      headers: {
        Accept: 'application/json',
        'Accept-Language': this.locale,
        ...(token ? { Authorization: `Bearer ${token}` } : {}),
        ...(body === undefined ? {} : { 'Content-Type': 'application/json' }),
      },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    const answer = (await response.json().catch(() => ({ error: 'unavailable' }))) as unknown;
    if (!response.ok) throw new ApiProblem(response.status, answer as ProblemAnswer);
    return answer as T;
  }
}
