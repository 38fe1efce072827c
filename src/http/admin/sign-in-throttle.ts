/**
 * Slows down token guessing at the console's sign-in: after `limit` failed sign-ins from one IP
 * (an IPv6 /64, see `throttleKey`) within `windowSeconds`, it is refused (429) until the oldest
 * failure leaves the window.
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

/**
 * Whom the throttle counts for an address: an IPv4 address as is (also when written IPv4-mapped,
 * `::ffff:1.2.3.4`), an IPv6 address by its /64 network, since one subscriber usually gets a
 * whole /64 and could otherwise try from a fresh address each time.
 */
export function throttleKey(ip: string): string {
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/i.exec(ip);
  if (mapped) return mapped[1]!;
  if (!ip.includes(':')) return ip;
  const bare = ip.split('%')[0]!.toLowerCase(); // no zone id (fe80::1%eth0)
  const [head = '', tail] = bare.split('::');
  const groups = head === '' ? [] : head.split(':');
  if (tail !== undefined) {
    const rest = tail === '' ? [] : tail.split(':');
    groups.push(...Array<string>(Math.max(0, 8 - groups.length - rest.length)).fill('0'), ...rest);
  }
  const net = groups.slice(0, 4).map((g) => (parseInt(g, 16) || 0).toString(16));
  return `${net.join(':')}::/64`;
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
      const times = recent(throttleKey(ip), now);
      if (times.length < limit) return 0;
      // Free again when the failure that makes it `limit` leaves the window.
      const freeAt = times[times.length - limit]! + windowMs;
      return Math.max(1, Math.ceil((freeAt - now) / 1000));
    },
    fail(ip) {
      const now = clock.now().getTime();
      const key = throttleKey(ip);
      const times = recent(key, now);
      times.push(now);
      failures.delete(key);
      failures.set(key, times);
      if (failures.size > maxIps) failures.delete(failures.keys().next().value!);
    },
  };
}
