/**
 * The REST half of the fake Discord: the few routes discord.js and our adapter use, answered
 * the way Discord answers them, with every request recorded so tests can assert on exactly
 * what the bot sent. Paths are decoded (`%40original` -> `@original`) and stored without the
 * `/api/v10` prefix.
 */
import type { IncomingMessage, ServerResponse } from 'node:http';
import { messageFromReply, nextSnowflake } from './payloads.ts';

export interface RecordedRequest {
  method: string;
  /** Decoded path after /api/v10, e.g. /interactions/1/tok/callback. */
  path: string;
  query: URLSearchParams;
  authorization: string | undefined;
  /** Parsed JSON body, or undefined when there was none. */
  body: any;
  /** When the request arrived (Date.now()). */
  at: number;
}

export interface InjectedResponse {
  status: number;
  body?: unknown;
  headers?: Record<string, string>;
}

export interface FakeUserJson {
  id: string;
  username: string;
  discriminator: string;
  global_name: string | null;
  avatar: string | null;
  bot?: boolean;
}

export interface FakeRestOptions {
  token: string;
  applicationId: string;
  botUser: FakeUserJson;
  /** Where discord.js should open the gateway (from GET /gateway/bot). */
  gatewayUrl: () => string;
}

type Json = Record<string, any>;

/** Registered commands as Discord stores them: ids and defaults added, `false` flags dropped. */
function storedCommand(body: Json, applicationId: string, guildId: string | null, previous: Json | undefined): Json {
  const stripOption = (o: Json): Json => {
    const out: Json = { ...o };
    for (const key of ['required', 'autocomplete'] as const) if (out[key] === false) delete out[key];
    if (Array.isArray(out.options)) out.options = out.options.map(stripOption);
    return out;
  };
  return {
    id: previous?.id ?? nextSnowflake(),
    application_id: applicationId,
    version: nextSnowflake(),
    type: 1,
    default_member_permissions: null,
    dm_permission: guildId ? undefined : true,
    nsfw: false,
    integration_types: [0],
    contexts: null,
    name_localizations: null,
    description_localizations: null,
    ...(guildId ? { guild_id: guildId } : {}),
    ...stripOption(body),
  };
}

export class FakeRest {
  readonly requests: RecordedRequest[] = [];
  /** Registered commands per scope: "global" or a guild id. */
  readonly commands = new Map<string, Json[]>();
  private readonly injected: { match: (r: RecordedRequest) => boolean; response: InjectedResponse }[] = [];
  private readonly waiters = new Set<{ match: (r: RecordedRequest) => boolean; resolve: (r: RecordedRequest) => void }>();
  private messageCount = 0;

  constructor(private readonly options: FakeRestOptions) {}

  /** The next request matching `match` gets this response instead of the normal one. */
  injectOnce(match: (r: RecordedRequest) => boolean, response: InjectedResponse): void {
    this.injected.push({ match, response });
  }

  /** Resolves with the first recorded (or future) request that matches. */
  waitFor(match: (r: RecordedRequest) => boolean, timeoutMs = 5000): Promise<RecordedRequest> {
    const seen = this.requests.find(match);
    if (seen) return Promise.resolve(seen);
    return new Promise((resolve, reject) => {
      const waiter = {
        match,
        resolve: (r: RecordedRequest) => {
          clearTimeout(timer);
          resolve(r);
        },
      };
      const timer = setTimeout(() => {
        this.waiters.delete(waiter);
        reject(new Error(`fake Discord: no matching request within ${timeoutMs} ms; saw ${this.requests.map((r) => `${r.method} ${r.path}`).join(', ')}`));
      }, timeoutMs);
      this.waiters.add(waiter);
    });
  }

  async handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = await readBody(req);
    const prefix = '/api/v10';
    const path = url.pathname.startsWith(prefix) ? url.pathname.slice(prefix.length) : url.pathname;
    const record: RecordedRequest = {
      method: req.method ?? 'GET',
      path: path.split('/').map(decodeURIComponent).join('/'),
      query: url.searchParams,
      authorization: req.headers.authorization,
      body: raw ? parseJson(raw) : undefined,
      at: Date.now(),
    };
    this.requests.push(record);
    for (const w of [...this.waiters])
      if (w.match(record)) {
        this.waiters.delete(w);
        w.resolve(record);
      }

    const injectedAt = this.injected.findIndex((i) => i.match(record));
    if (injectedAt >= 0) {
      const response = this.injected.splice(injectedAt, 1)[0]?.response as InjectedResponse;
      return send(res, response.status, response.body, response.headers);
    }
    if (!url.pathname.startsWith(prefix)) return send(res, 404, { message: '404: Not Found', code: 0 });
    const { status, body } = this.route(record);
    send(res, status, body);
  }

  private route(r: RecordedRequest): { status: number; body?: unknown } {
    const parts = r.path.split('/').filter(Boolean);
    const { applicationId, botUser, token } = this.options;
    // Interaction callbacks and webhooks authenticate with the interaction token, not the bot token.
    const tokenRoute = parts[0] === 'interactions' || parts[0] === 'webhooks';
    if (!tokenRoute && r.authorization !== `Bot ${token}`) return { status: 401, body: { message: '401: Unauthorized', code: 0 } };

    const is = (method: string, ...pattern: string[]) =>
      r.method === method && parts.length === pattern.length && pattern.every((p, i) => p === '*' || p === parts[i]);

    if (is('GET', 'gateway', 'bot'))
      return {
        status: 200,
        body: {
          url: this.options.gatewayUrl(),
          shards: 1,
          session_start_limit: { total: 1000, remaining: 999, reset_after: 14_400_000, max_concurrency: 1 },
        },
      };
    if (is('GET', 'users', '@me')) return { status: 200, body: botUser };
    if (is('GET', 'applications', '@me'))
      return { status: 200, body: { id: applicationId, name: botUser.username, description: '', bot_public: true, flags: 0, bot: botUser } };

    // /applications/{app}/commands and /applications/{app}/guilds/{guild}/commands
    if (parts[0] === 'applications' && parts[parts.length - 1] === 'commands' && (parts.length === 3 || (parts.length === 5 && parts[2] === 'guilds'))) {
      if (parts[1] !== applicationId) return { status: 403, body: { message: 'Missing Access', code: 50001 } };
      const guildId = parts.length === 5 ? (parts[3] as string) : null;
      const scope = guildId ?? 'global';
      if (r.method === 'GET') return { status: 200, body: this.commands.get(scope) ?? [] };
      if (r.method === 'PUT') {
        if (!Array.isArray(r.body)) return { status: 400, body: { message: 'Invalid Form Body', code: 50035 } };
        const previous = this.commands.get(scope) ?? [];
        const stored = (r.body as Json[]).map((c) => storedCommand(c, applicationId, guildId, previous.find((p) => p.name === c.name)));
        this.commands.set(scope, stored);
        return { status: 200, body: stored };
      }
    }

    if (is('POST', 'interactions', '*', '*', 'callback')) {
      if (r.query.get('with_response') === 'true')
        return { status: 200, body: { interaction: { id: parts[1], type: 2 }, resource: { type: r.body?.type, message: this.message(r.body?.data ?? {}) } } };
      return { status: 204 };
    }
    if (parts[0] === 'webhooks' && parts[1] === applicationId) {
      if (is('POST', 'webhooks', '*', '*')) return { status: 200, body: this.message(r.body ?? {}) };
      if (is('PATCH', 'webhooks', '*', '*', 'messages', '*') || is('GET', 'webhooks', '*', '*', 'messages', '*'))
        return { status: 200, body: this.message(r.body ?? {}) };
      if (is('DELETE', 'webhooks', '*', '*', 'messages', '*')) return { status: 204 };
    }
    return { status: 404, body: { message: '404: Not Found', code: 0 } };
  }

  /** A message object as Discord returns it for a webhook send or edit. */
  private message(data: Json): Json {
    this.messageCount += 1;
    return messageFromReply(data, this.options.botUser, this.options.applicationId, null);
  }
}

function readBody(req: IncomingMessage): Promise<string> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks).toString('utf8')));
    req.on('error', reject);
  });
}

function parseJson(raw: string): unknown {
  try {
    return JSON.parse(raw);
  } catch {
    return raw;
  }
}

function send(res: ServerResponse, status: number, body?: unknown, headers: Record<string, string> = {}): void {
  if (status === 204 || body === undefined) {
    res.writeHead(status, headers).end();
    return;
  }
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text), ...headers }).end(text);
}
