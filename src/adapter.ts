/**
 * The contract between the launcher and a platform adapter (after Hubot's adapter
 * interface): an adapter gets the core services, connects to its platform, and hands back
 * a handle to stop it. A new platform is one new folder under adapters/ exporting a start
 * function of this shape.
 */
import type { Logger } from './log.ts';
import type { Router } from './router.ts';
import type { Throttle } from './throttle.ts';

export interface CoreServices {
  router: Router;
  /** Shared per-user rate limit; key it "<platform>:<user id>". */
  throttle: Throttle;
  log: Logger;
}

export interface RunningAdapter {
  name: string;
  /** Disconnects cleanly; safe to call twice. */
  stop(): Promise<void>;
}

/** Thrown by an adapter's start for problems the user can fix (bad token...): printed as one line. */
export class AdapterStartError extends Error {
  override name = 'AdapterStartError';
}
