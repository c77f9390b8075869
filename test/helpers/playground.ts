import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import WebSocket from 'ws';
import type { AdaptiveCard } from '../../src/cards/schema';
import { visibleText } from './cardChecks';
import { ROOT } from './processes';

/** A bot message as the Playground's own UI receives it over its WebSocket stream. */
export interface StreamEvent {
  /** 'createMessage' or 'updateMessage'. */
  action: string;
  actionConversationId: string;
  message: {
    messageId: string;
    from: { id: string };
    text?: string;
    attachments?: Array<{ contentType: string; content: unknown }>;
    replyToId?: string;
  };
}

export interface PlaygroundIds {
  botId: string;
  botName: string;
  currentUser: string;
  otherUser: string;
  personalChat: string;
  groupChat: string;
  generalChannel: string;
}

const CONFIG = path.join(ROOT, '.m365agentsplayground.yml');
const cli = path.join(
  path.dirname(createRequire(__filename).resolve('@microsoft/m365agentsplayground/package.json')),
  'cli.js',
);

/**
 * Microsoft 365 Agents Playground (pinned 0.2.28) as a child process on a free loopback port, and a client for the
 * HTTP API its web UI uses (docs/platform-notes.md §4). Its internal API is undocumented, which is why the version is pinned.
 */
export class Playground {
  readonly events: StreamEvent[] = [];
  url = '';
  ids!: PlaygroundIds;
  private child: ChildProcess | null = null;
  private socket: WebSocket | null = null;

  async start(botEndpoint: string): Promise<this> {
    const logDir = mkdtempSync(path.join(os.tmpdir(), 'playground-'));
    const child = spawn(process.execPath, [cli, '-e', botEndpoint, '-p', '0', '-c', 'msteams', '--disable-telemetry'], {
      cwd: logDir,
      stdio: ['ignore', 'pipe', 'pipe'],
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        TEAMSAPPTESTER_BROWSER: 'none',
        M365_AGENTS_PLAYGROUND_CONFIG_PATH: CONFIG,
        M365_AGENTS_PLAYGROUND_LOGFILE: path.join(logDir, 'playground.log'),
      },
    });
    this.child = child;
    const port = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('Playground did not start within 30 s')), 30_000);
      child.stdout?.on('data', (chunk: Buffer) => {
        const match = /Listening on (\d+)/.exec(chunk.toString());
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
      child.on('exit', (code) => reject(new Error(`Playground exited with ${code}; see ${logDir}/playground.log`)));
    });
    this.url = `http://127.0.0.1:${port}`;
    const { config } = (await this.get('/_internal/v1/config')) as {
      config: {
        bot: { id: string; name: string };
        currentUser: { id: string };
        users: Array<{ id: string }>;
        personalChat: { id: string };
        groupChats: Array<{ id: string }>;
        teams: Array<{ id: string }>;
      };
    };
    this.ids = {
      botId: config.bot.id,
      botName: config.bot.name,
      currentUser: config.currentUser.id,
      otherUser: config.users[0]?.id ?? '',
      personalChat: config.personalChat.id,
      groupChat: config.groupChats[0]?.id ?? '',
      generalChannel: config.teams[0]?.id ?? '',
    };
    this.socket = new WebSocket(`ws://127.0.0.1:${port}/_ws_conversation/v1/conversations/stream`);
    this.socket.on('message', (data: WebSocket.RawData) => {
      const text = Array.isArray(data) ? Buffer.concat(data).toString() : Buffer.from(data as ArrayBuffer).toString();
      this.events.push(JSON.parse(text) as StreamEvent);
    });
    await new Promise((resolve, reject) => {
      this.socket?.once('open', resolve);
      this.socket?.once('error', reject);
    });
    return this;
  }

  /** Stops the Playground by its process id. */
  async stop(): Promise<void> {
    this.socket?.terminate();
    const child = this.child;
    if (child?.pid !== undefined && child.exitCode === null) {
      const exited = new Promise((resolve) => child.once('exit', resolve));
      process.kill(child.pid, 'SIGKILL');
      await exited;
    }
  }

  async get(pathname: string): Promise<unknown> {
    const response = await fetch(`${this.url}${pathname}`);
    if (!response.ok) throw new Error(`GET ${pathname}: ${response.status}`);
    return response.json();
  }

  async post(pathname: string, body: unknown): Promise<unknown> {
    const response = await fetch(`${this.url}${pathname}`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify(body),
    });
    const text = await response.text();
    if (!response.ok) throw new Error(`POST ${pathname}: ${response.status} ${text}`);
    return text ? (JSON.parse(text) as unknown) : undefined;
  }

  /** Sends a message as the current user; with `mention`, @mentions the bot first, as Teams does. */
  async send(conversationId: string, text: string, options: { mention?: boolean } = {}): Promise<string> {
    const at = `<at>${this.ids.botName}</at>`;
    const body = options.mention
      ? {
          from: { id: this.ids.currentUser },
          text: `${at} ${text}`,
          textFormat: 'plain',
          mentions: [{ mentioned: { id: this.ids.botId }, text: at }],
        }
      : { from: { id: this.ids.currentUser }, text, textFormat: 'plain' };
    const answer = (await this.post(
      `/_conversation/v1/conversations/${encodeURIComponent(conversationId)}/messages`,
      body,
    )) as {
      messageId: string;
      postConversationId?: string;
    };
    return answer.postConversationId ?? conversationId;
  }

  /** Clicks an Action.Execute button through the Playground, as `from`; resolves with the bot's invoke answer. */
  execute(
    conversationId: string,
    replyToId: string,
    verb: string,
    data: unknown,
    from = this.ids.currentUser,
  ): Promise<unknown> {
    return this.post('/_conversation/v1/invoke', {
      name: 'adaptiveCard/action',
      value: { action: { type: 'Action.Execute', verb, data } },
      conversation: { id: conversationId },
      replyToId,
      from: { id: from },
    });
  }

  /** Any activity from any configured user (the Playground's "Mock an Activity"). */
  async customActivity(conversationId: string, fields: Record<string, unknown>): Promise<void> {
    const template = (await this.get(
      `/_internal/v1/customActivities/template?conversationId=${encodeURIComponent(conversationId)}`,
    )) as Record<string, unknown>;
    await this.post('/_internal/v1/customActivities', { ...template, ...fields });
  }

  /** Waits for the bot's next message (created or updated) in a conversation that matches. */
  async waitForBot(
    conversationId: string,
    after: number,
    predicate: (event: StreamEvent) => boolean = () => true,
    timeoutMs = 10_000,
  ): Promise<StreamEvent> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const found = this.events
        .slice(after)
        .find(
          (event) =>
            event.actionConversationId === conversationId &&
            event.message?.from?.id === this.ids.botId &&
            predicate(event),
        );
      if (found) return found;
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
    throw new Error(
      `no bot message in ${conversationId} within ${timeoutMs} ms; saw ${JSON.stringify(this.events.slice(after)).slice(0, 2000)}`,
    );
  }
}

export function cardJson(event: StreamEvent): string {
  return JSON.stringify(event.message.attachments?.[0]?.content ?? {});
}

/** The card in a bot message as a reader sees it. */
export function cardText(event: StreamEvent): string {
  const content = event.message.attachments?.[0]?.content as AdaptiveCard | undefined;
  return content?.type === 'AdaptiveCard' ? visibleText(content) : '';
}
