/**
 * A fake Slack on 127.0.0.1 for driving the real Bolt app: the Web API (`POST /api/<method>`,
 * form-encoded as @slack/web-api sends it), response_urls (`POST /respond/<id>`, JSON as Bolt's
 * `respond` sends it), and a Socket Mode WebSocket (`/link`) handed out by
 * `apps.connections.open`. Everything that reaches it is recorded for the tests to assert on.
 */
import { once } from 'node:events';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';

export interface ApiCall {
  kind: 'api';
  method: string;
  /** Form fields, with JSON-valued ones (blocks, attachments) parsed. */
  params: Record<string, unknown>;
  authorization: string | undefined;
}

export interface ResponseUrlPost {
  kind: 'respond';
  /** The `<id>` of `/respond/<id>`, so a test can tell its response_urls apart. */
  id: string;
  body: Record<string, unknown>;
}

export type Recorded = ApiCall | ResponseUrlPost;

export const BOT_USER_ID = 'UBOT0001';
export const BOT_ID = 'BBOT0001';
export const TEAM_ID = 'T0000001';

const JSON_FIELDS = new Set(['blocks', 'attachments', 'metadata']);

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

function formParams(raw: string): Record<string, unknown> {
  const params: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(raw)) params[key] = JSON_FIELDS.has(key) ? JSON.parse(value) : value;
  return params;
}

export interface FakeSlackOptions {
  /** What auth.test answers; default ok with the bot ids above. */
  authTest?: Record<string, unknown>;
  /** What apps.connections.open answers; default ok with the fake's WebSocket URL. */
  connectionsOpen?: Record<string, unknown>;
}

export interface SocketEnvelope {
  envelope_id: string;
  type: string;
  payload: unknown;
  [key: string]: unknown;
}

export interface FakeSlack {
  /** For `SLACK_API_URL` / clientOptions.slackApiUrl. */
  apiUrl: string;
  /** A response_url that records what is posted to it under `id`. */
  responseUrl(id: string): string;
  readonly recorded: readonly Recorded[];
  apiCalls(method?: string): ApiCall[];
  responses(id?: string): ResponseUrlPost[];
  /** Resolves with the first recorded request matching `match` (already recorded or still to come). */
  waitFor<T extends Recorded>(match: (r: Recorded) => r is T, timeoutMs?: number): Promise<T>;
  waitForApi(method: string, match?: (c: ApiCall) => boolean, timeoutMs?: number): Promise<ApiCall>;
  waitForResponse(id: string, match?: (r: ResponseUrlPost) => boolean, timeoutMs?: number): Promise<ResponseUrlPost>;
  /** Socket Mode: resolves once the app has connected (after the fake's `hello`). */
  socketConnected(): Promise<void>;
  /** Socket Mode: sends an envelope and resolves with the app's acknowledgement of it. */
  sendEnvelope(envelope: SocketEnvelope, timeoutMs?: number): Promise<Record<string, unknown>>;
  /** Socket Mode: resolves once no WebSocket is open any more (the app closed its side). */
  socketsClosed(timeoutMs?: number): Promise<void>;
  close(): Promise<void>;
}

export async function startFakeSlack(options: FakeSlackOptions = {}): Promise<FakeSlack> {
  const recorded: Recorded[] = [];
  const waiters = new Set<{ match: (r: Recorded) => boolean; resolve: (r: Recorded) => void }>();
  const acks = new Map<string, (ack: Record<string, unknown>) => void>();
  const sockets = new Set<WebSocket>();
  const allClosed: (() => void)[] = [];
  let connected: () => void = () => undefined;
  const connection = new Promise<void>((resolve) => (connected = resolve));

  const record = (r: Recorded) => {
    recorded.push(r);
    for (const w of waiters)
      if (w.match(r)) {
        waiters.delete(w);
        w.resolve(r);
      }
  };

  let base = '';
  const answerApi = (method: string): Record<string, unknown> => {
    switch (method) {
      case 'auth.test':
        return options.authTest ?? { ok: true, url: 'https://fake.slack.test/', team: 'Study group', user: 'roadmap', team_id: TEAM_ID, user_id: BOT_USER_ID, bot_id: BOT_ID, is_enterprise_install: false };
      case 'apps.connections.open':
        return options.connectionsOpen ?? { ok: true, url: `${base.replace(/^http/, 'ws')}/link` };
      case 'chat.postMessage':
      case 'chat.postEphemeral':
        return { ok: true, channel: 'C-any', ts: `${Date.now() / 1000}`, message_ts: `${Date.now() / 1000}` };
      default:
        return { ok: true };
    }
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', base);
    const raw = await readBody(req);
    if (req.method === 'POST' && url.pathname.startsWith('/api/')) {
      const method = url.pathname.slice('/api/'.length);
      const params = req.headers['content-type']?.startsWith('application/json') ? (JSON.parse(raw || '{}') as Record<string, unknown>) : formParams(raw);
      record({ kind: 'api', method, params, authorization: req.headers.authorization });
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(answerApi(method)));
      return;
    }
    if (req.method === 'POST' && url.pathname.startsWith('/respond/')) {
      record({ kind: 'respond', id: decodeURIComponent(url.pathname.slice('/respond/'.length)), body: JSON.parse(raw || '{}') as Record<string, unknown> });
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(404).end();
  };

  const server = createServer((req, res) => {
    handle(req, res).catch(() => res.writeHead(500).end());
  });
  const wss = new WebSocketServer({ noServer: true });
  server.on('upgrade', (req, socket, head) => {
    if (!req.url?.startsWith('/link')) {
      socket.destroy();
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => {
      sockets.add(ws);
      ws.on('close', () => {
        sockets.delete(ws);
        if (sockets.size === 0) for (const resolve of allClosed.splice(0)) resolve();
      });
      ws.on('message', (data) => {
        const ack = JSON.parse(String(data)) as Record<string, unknown>;
        const id = typeof ack.envelope_id === 'string' ? ack.envelope_id : '';
        acks.get(id)?.(ack);
        acks.delete(id);
      });
      ws.send(JSON.stringify({ type: 'hello', num_connections: 1, debug_info: { host: 'fake' }, connection_info: { app_id: 'A0000001' } }));
      connected();
    });
  });
  server.listen(0, '127.0.0.1');
  await once(server, 'listening');
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const waitFor = <T extends Recorded>(match: (r: Recorded) => r is T, timeoutMs = 4000): Promise<T> => {
    const found = recorded.find(match);
    if (found) return Promise.resolve(found);
    return new Promise<T>((resolve, reject) => {
      const waiter = { match, resolve: (r: Recorded) => (clearTimeout(timer), resolve(r as T)) };
      const timer = setTimeout(() => {
        waiters.delete(waiter);
        reject(new Error(`fake Slack: nothing matching arrived within ${timeoutMs} ms; got ${JSON.stringify(recorded.map((r) => (r.kind === 'api' ? r.method : `respond/${r.id}`)))}`));
      }, timeoutMs);
      waiters.add(waiter);
    });
  };

  return {
    apiUrl: `${base}/api/`,
    responseUrl: (id) => `${base}/respond/${encodeURIComponent(id)}`,
    recorded,
    apiCalls: (method) => recorded.filter((r): r is ApiCall => r.kind === 'api' && (method === undefined || r.method === method)),
    responses: (id) => recorded.filter((r): r is ResponseUrlPost => r.kind === 'respond' && (id === undefined || r.id === id)),
    waitFor,
    waitForApi: (method, match = () => true, timeoutMs) => waitFor((r): r is ApiCall => r.kind === 'api' && r.method === method && match(r), timeoutMs),
    waitForResponse: (id, match = () => true, timeoutMs) => waitFor((r): r is ResponseUrlPost => r.kind === 'respond' && r.id === id && match(r), timeoutMs),
    socketConnected: () => connection,
    sendEnvelope(envelope, timeoutMs = 4000) {
      const [socket] = sockets;
      if (!socket) return Promise.reject(new Error('fake Slack: no Socket Mode connection'));
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`fake Slack: envelope ${envelope.envelope_id} was not acknowledged`)), timeoutMs);
        acks.set(envelope.envelope_id, (ack) => {
          clearTimeout(timer);
          resolve(ack);
        });
        socket.send(JSON.stringify(envelope));
      });
    },
    socketsClosed(timeoutMs = 4000) {
      if (sockets.size === 0) return Promise.resolve();
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error('fake Slack: the WebSocket is still open')), timeoutMs);
        allClosed.push(() => {
          clearTimeout(timer);
          resolve();
        });
      });
    },
    async close() {
      for (const ws of sockets) ws.terminate();
      wss.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
