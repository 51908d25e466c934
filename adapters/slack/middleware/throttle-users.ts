/**
 * Listener middleware: one user's flood is throttled with the core's shared per-user bucket
 * (key `slack:<user id>`). It only decides; the listener still answers, with the core's
 * throttledReply instead of a real answer, in whatever way fits where the request came from.
 */
import type { AnyMiddlewareArgs, Context, Middleware } from '@slack/bolt';
import type { Throttle } from '../../../src/index.ts';

const THROTTLED_FOR = 'throttledForMs';

function userOf(args: AnyMiddlewareArgs): string | undefined {
  if ('event' in args) return (args.event as { user?: string }).user;
  if ('command' in args) return args.command.user_id;
  const user = (args.body as { user?: { id?: string } }).user;
  return user?.id;
}

export function throttleUsers(throttle: Throttle): Middleware<AnyMiddlewareArgs> {
  return async (args) => {
    const user = userOf(args);
    if (user) {
      const decision = throttle.tryTake(`slack:${user}`);
      if (!decision.ok) args.context[THROTTLED_FOR] = decision.retryAfterMs;
    }
    await args.next();
  };
}

/** Milliseconds until this user may ask again, or undefined when the request may go ahead. */
export function throttledFor(context: Context): number | undefined {
  const ms = context[THROTTLED_FOR];
  return typeof ms === 'number' ? ms : undefined;
}
