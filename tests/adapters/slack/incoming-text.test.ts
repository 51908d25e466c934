import { describe, expect, it } from 'vitest';
import { questionFromSlackText } from '../../../adapters/slack/incoming-text.ts';

describe('questionFromSlackText', () => {
  it("removes the bot's mention wherever it is", () => {
    expect(questionFromSlackText('<@UBOT> what comes after git?', 'UBOT')).toBe('what comes after git?');
    expect(questionFromSlackText('hey <@UBOT|roadmap>  stage 4 ', 'UBOT')).toBe('hey stage 4');
  });

  it('decodes the entities Slack encodes typed text with', () => {
    expect(questionFromSlackText('what is &lt;div&gt; &amp; &amp;lt;', 'UBOT')).toBe('what is <div> & &lt;');
  });

  it('turns other mentions, channels, broadcasts and links into readable words', () => {
    expect(questionFromSlackText('<@UOTHER> and <@UX|bob> in <#C1|general> <!here> <!subteam^S1|@devs>', 'UBOT')).toBe(
      '@someone and @bob in #general @here @devs',
    );
    expect(questionFromSlackText('read <https://example.org/a?b=1&amp;c=2|the docs> or <https://x.org>')).toBe('read the docs or https://x.org');
  });

  it('gives an empty question for an empty or missing text', () => {
    expect(questionFromSlackText(undefined)).toBe('');
    expect(questionFromSlackText('<@UBOT>', 'UBOT')).toBe('');
  });
});
