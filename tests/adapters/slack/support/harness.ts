/**
 * Starts the real adapter (Bolt's HTTP receiver on a loopback port, its Web API client on the
 * fake Slack) and tears both down.
 */
import { startSlack, type RunningSlack } from '../../../../adapters/slack/index.ts';
import { startFakeSlack, type FakeSlack, type FakeSlackOptions } from '../../../fakes/slack/fake-slack.ts';
import { testCore, type TestCore } from '../../../support/core.ts';
import { BOT_TOKEN, SECRETS, SIGNING_SECRET } from './credentials.ts';

export interface HttpHarness {
  fake: FakeSlack;
  slack: RunningSlack;
  core: TestCore;
  /** The app's Request URL: http://127.0.0.1:<port>/slack/events */
  eventsUrl: string;
  close(): Promise<void>;
}

export async function startHttpHarness(core = testCore({ secrets: SECRETS }), fakeOptions: FakeSlackOptions = {}): Promise<HttpHarness> {
  const fake = await startFakeSlack(fakeOptions);
  try {
    const slack = await startSlack(
      core,
      { botToken: BOT_TOKEN, signingSecret: SIGNING_SECRET, apiUrl: fake.apiUrl, port: 0 },
      { retryConfig: { retries: 0 }, host: '127.0.0.1' },
    );
    return {
      fake,
      slack,
      core,
      eventsUrl: `http://127.0.0.1:${slack.port}/slack/events`,
      async close() {
        await slack.stop();
        await fake.close();
      },
    };
  } catch (error) {
    await fake.close();
    throw error;
  }
}
