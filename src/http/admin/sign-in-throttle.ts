/**
 * Slows down token guessing at the console's sign-in: after `limit` failed sign-ins from one IP
 * within `windowSeconds`, that IP is refused (429) until the oldest failure leaves the window.
 * Kept in the process (one server per city; a restart forgets, which costs an attacker a
 * restart we would notice). Tokens are ≥ 24 random characters, so this is a brake, not the lock.
 */
import type { Clock } from '../../ports.js';

export interface SignInThrottle {
  /** Seconds to wait before trying again, or 0 when the IP may try now. */
  retryAfter(ip: string): number;
  /** Counts a failed sign-in of `ip`. */
  fail(ip: string): void;
}

export interface SignInThrottleOptions {
  clock: Clock;
  /** Failures allowed in the window (default 10). */
  limit?: number;
  /** Default 600 s (10 minutes). */
  windowSeconds?: number;
  /** IPs remembered at most; beyond, the oldest are forgotten (a flood cannot fill memory). */
  maxIps?: number;
}

export function createSignInThrottle(options: SignInThrottleOptions): SignInThrottle {
  const { clock, limit = 10, windowSeconds = 600, maxIps = 10_000 } = options;
  const windowMs = windowSeconds * 1000;
  /** IP → times (ms) of its failures in the window, oldest first. */
  const failures = new Map<string, number[]>();
  const recent = (ip: string, now: number): number[] => {
    const times = (failures.get(ip) ?? []).filter((t) => t > now - windowMs);
    if (times.length === 0) failures.delete(ip);
    else failures.set(ip, times);
    return times;
  };

  return {
    retryAfter(ip) {
      const now = clock.now().getTime();
      const times = recent(ip, now);
      if (times.length < limit) return 0;
      // Free again when the failure that makes it `limit` leaves the window.
      const freeAt = times[times.length - limit]! + windowMs;
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    },
    fail(ip) {
      const now = clock.now().getTime();
      const times = recent(ip, now);
      times.push(now);
      failures.delete(ip);
      failures.set(ip, times);
      if (failures.size > maxIps) failures.delete(failures.keys().next().value!);
    },
  };
}
