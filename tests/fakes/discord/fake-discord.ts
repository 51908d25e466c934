/**
 * A local fake Discord for end-to-end tests: REST under http://127.0.0.1:PORT/api and the
 * gateway at ws://127.0.0.1:PORT/gateway, one port, started and closed by each test file.
 * Point discord.js at it with `rest: { api: fake.apiUrl }`; GET /gateway/bot sends the
 * client to the gateway.
 */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { FakeGateway } from './gateway.ts';
import { FakeRest, type FakeUserJson, type RecordedRequest } from './rest.ts';

export interface FakeDiscordOptions {
  /** The bot token the fake accepts (anything else gets 401 / close 4004). */
  token?: string;
  applicationId?: string;
  /** Servers the bot is in, announced through the gateway. */
  guilds?: { id: string; name: string }[];
}

export interface FakeDiscord {
  /** REST base in the form of https://discord.com/api. */
  apiUrl: string;
  token: string;
  applicationId: string;
  botUser: FakeUserJson;
  rest: FakeRest;
  gateway: FakeGateway;
  /** Every REST request so far. */
  requests: RecordedRequest[];
  close(): Promise<void>;
}

export const FAKE_TOKEN = 'fake-bot-token.for-tests.only';
export const FAKE_APPLICATION_ID = '111111111111111111';

export async function startFakeDiscord(options: FakeDiscordOptions = {}): Promise<FakeDiscord> {
  const token = options.token ?? FAKE_TOKEN;
  const applicationId = options.applicationId ?? FAKE_APPLICATION_ID;
  const botUser: FakeUserJson = { id: applicationId, username: 'roadmap-bot', discriminator: '0', global_name: null, avatar: null, bot: true };
  let port = 0;
  const gatewayUrl = () => `ws://127.0.0.1:${port}/gateway`;
  const rest = new FakeRest({ token, applicationId, botUser, gatewayUrl });
  const gateway = new FakeGateway({ token, applicationId, botUser, guilds: options.guilds ?? [], url: gatewayUrl });

  const server: Server = createServer((req, res) => {
    rest.handle(req, res).catch((error: unknown) => {
      res.writeHead(500).end(String(error));
    });
  });
  server.on('upgrade', (req, socket, head) => {
    if (req.url?.startsWith('/gateway')) gateway.upgrade(req, socket, head);
    else socket.destroy();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;

  return {
    apiUrl: `http://127.0.0.1:${port}/api`,
    token,
    applicationId,
    botUser,
    rest,
    gateway,
    requests: rest.requests,
    async close() {
      await gateway.close();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
