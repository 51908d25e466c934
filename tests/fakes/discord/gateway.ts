/**
 * The gateway half of the fake Discord: just enough of the WebSocket protocol for discord.js
 * to log in and receive events. HELLO on connect, READY after IDENTIFY (plus a GUILD_CREATE per
 * server the bot is in), heartbeat ACKs, "invalid session" on RESUME so the client identifies
 * afresh, and `dispatch()` to push events such as INTERACTION_CREATE. JSON encoding, no zlib.
 */
import type { IncomingMessage } from 'node:http';
import type { Duplex } from 'node:stream';
import { WebSocketServer, type WebSocket } from 'ws';
import { nextSnowflake } from './payloads.ts';
import type { FakeUserJson } from './rest.ts';

export interface IdentifyRecord {
  token: string;
  intents: number;
  shard: [number, number] | undefined;
}

export interface FakeGatewayOptions {
  token: string;
  applicationId: string;
  botUser: FakeUserJson;
  /** Servers the bot is in: announced as unavailable in READY, then sent as GUILD_CREATE. */
  guilds: { id: string; name: string }[];
  /** URL the client should resume on (this same gateway). */
  url: () => string;
}

interface Session {
  socket: WebSocket;
  seq: number;
  identified: boolean;
}

export class FakeGateway {
  readonly identifies: IdentifyRecord[] = [];
  /** Close codes sent by clients, in order. */
  readonly closes: number[] = [];
  private readonly wss = new WebSocketServer({ noServer: true });
  private readonly sessions = new Set<Session>();
  private readonly readyWaiters: (() => void)[] = [];
  private readonly closeWaiters: ((code: number) => void)[] = [];

  constructor(private readonly options: FakeGatewayOptions) {
    this.wss.on('connection', (socket) => this.accept(socket));
  }

  upgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    this.wss.handleUpgrade(req, socket, head, (ws) => this.wss.emit('connection', ws, req));
  }

  /** Sends a DISPATCH event to every identified connection. */
  dispatch(t: string, d: unknown): void {
    for (const s of this.sessions) if (s.identified) this.send(s, { op: 0, t, s: ++s.seq, d });
  }

  /** Resolves once a client has identified and received READY. */
  waitForReady(): Promise<void> {
    if ([...this.sessions].some((s) => s.identified)) return Promise.resolve();
    return new Promise((resolve) => this.readyWaiters.push(resolve));
  }

  /** Resolves with the code of the next close; call it before causing the close. */
  waitForClose(): Promise<number> {
    return new Promise((resolve) => this.closeWaiters.push(resolve));
  }

  get connected(): number {
    return this.sessions.size;
  }

  async close(): Promise<void> {
    for (const s of this.sessions) s.socket.terminate();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
  }

  private accept(socket: WebSocket): void {
    const session: Session = { socket, seq: 0, identified: false };
    this.sessions.add(session);
    socket.on('message', (raw) => this.receive(session, String(raw)));
    socket.on('close', (code) => {
      this.sessions.delete(session);
      this.closes.push(code);
      for (const w of this.closeWaiters.splice(0)) w(code);
    });
    // A long interval keeps heartbeats out of short tests; they are still answered below.
    this.send(session, { op: 10, d: { heartbeat_interval: 41_250 }, s: null, t: null });
  }

  private receive(session: Session, raw: string): void {
    let payload: { op: number; d: any };
    try {
      payload = JSON.parse(raw);
    } catch {
      session.socket.close(4002, 'Error while decoding payload.');
      return;
    }
    switch (payload.op) {
      case 1: // HEARTBEAT
        this.send(session, { op: 11, d: null, s: null, t: null });
        return;
      case 2: // IDENTIFY
        this.identify(session, payload.d);
        return;
      case 6: // RESUME: never resumable here, so the client identifies again
        this.send(session, { op: 9, d: false, s: null, t: null });
        return;
      default:
        return;
    }
  }

  private identify(session: Session, d: any): void {
    this.identifies.push({ token: d?.token, intents: d?.intents, shard: d?.shard });
    if (d?.token !== this.options.token) {
      session.socket.close(4004, 'Authentication failed.');
      return;
    }
    session.identified = true;
    const { applicationId, botUser, guilds } = this.options;
    this.send(session, {
      op: 0,
      t: 'READY',
      s: ++session.seq,
      d: {
        v: 10,
        user: { ...botUser, bot: true, verified: true, flags: 0, mfa_enabled: false },
        guilds: guilds.map((g) => ({ id: g.id, unavailable: true })),
        session_id: `session-${nextSnowflake()}`,
        resume_gateway_url: this.options.url(),
        shard: d?.shard ?? [0, 1],
        application: { id: applicationId, flags: 0 },
      },
    });
    for (const g of guilds) this.send(session, { op: 0, t: 'GUILD_CREATE', s: ++session.seq, d: guildCreate(g, botUser) });
    for (const w of this.readyWaiters.splice(0)) w();
  }

  private send(session: Session, payload: unknown): void {
    if (session.socket.readyState === session.socket.OPEN) session.socket.send(JSON.stringify(payload));
  }
}

/** A small but complete GUILD_CREATE: one text channel, the @everyone role, the bot as member. */
function guildCreate(g: { id: string; name: string }, botUser: FakeUserJson): unknown {
  return {
    id: g.id,
    name: g.name,
    icon: null,
    owner_id: '100000000000000001',
    afk_channel_id: null,
    afk_timeout: 300,
    verification_level: 0,
    default_message_notifications: 0,
    explicit_content_filter: 0,
    features: [],
    mfa_level: 0,
    system_channel_id: null,
    system_channel_flags: 0,
    rules_channel_id: null,
    public_updates_channel_id: null,
    preferred_locale: 'en-US',
    premium_tier: 0,
    nsfw_level: 0,
    joined_at: new Date().toISOString(),
    large: false,
    unavailable: false,
    member_count: 2,
    roles: [{ id: g.id, name: '@everyone', color: 0, hoist: false, position: 0, permissions: '1071698660929', managed: false, mentionable: false, flags: 0 }],
    emojis: [],
    stickers: [],
    channels: [{ id: '900000000000000001', type: 0, guild_id: g.id, name: 'study-group', position: 0, permission_overwrites: [], nsfw: false, parent_id: null }],
    threads: [],
    members: [{ user: botUser, roles: [], joined_at: new Date().toISOString(), deaf: false, mute: false, flags: 0 }],
    voice_states: [],
    presences: [],
    stage_instances: [],
    guild_scheduled_events: [],
    soundboard_sounds: [],
  };
}
