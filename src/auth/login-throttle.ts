import { isIPv6 } from 'node:net';
import type { LoginThrottleLimits } from '../config/config.js';
import { LoginThrottledError } from './login-throttle.error.js';

/** One login attempt that passed the throttle. */
export interface LoginAttempt {
  /** The password was wrong: count it. Successes and outages are never counted. */
  failed(): void;
}

/**
 * Failed logins per account (the email, case-insensitive) and per client address, in a sliding
 * window, in this process's memory. Once either has `max` failures within the window, every attempt
 * for it is refused, a right password included, until the oldest of them leaves the window: a
 * refusal that depended on the password would tell a guesser when it was right. Refusals are not
 * failures and do not extend the block.
 *
 * Only failures that have happened count (API.md: "counts failed attempts only"), so many parallel
 * logins of a busy office behind one address are never refused for being in flight. Parallel
 * guesses can overshoot the limit by the number in flight; scrypt's cost bounds how many that is.
 */
export class LoginThrottle {
  /** Failure times (ms) per key, oldest first, at most `max` of them. */
  private readonly failures = new Map<string, number[]>();
  private lastSweep: number;

  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly now: () => number = Date.now,
  ) {
    this.lastSweep = now();
  }

  /** Throws LoginThrottledError when the account or the address is blocked. */
  begin(email: string, address: string | undefined): LoginAttempt {
    const now = this.now();
    this.sweep(now);
    const keys: [string, number, 'account' | 'address'][] = [
      [`account:${accountKey(email)}`, this.limits.maxFailuresPerAccount, 'account'],
      [`address:${addressKey(address)}`, this.limits.maxFailuresPerAddress, 'address'],
    ];
    for (const [key, max, what] of keys) {
      const recent = this.recent(key, now);
      if (recent.length >= max) {
        const retryAfterSeconds = Math.max(1, Math.ceil((recent[recent.length - max]! + this.windowMs - now) / 1000));
        throw new LoginThrottledError(what, retryAfterSeconds);
      }
    }
    return {
      failed: () => {
        const at = this.now();
        for (const [key] of keys) this.recent(key, at).push(at);
      },
    };
  }

  private get windowMs(): number {
    return this.limits.windowSeconds * 1000;
  }

  /** The key's failures still inside the window (the stored array, pruned). */
  private recent(key: string, now: number): number[] {
    let times = this.failures.get(key);
    if (!times) {
      times = [];
      this.failures.set(key, times);
    }
    const expired = times.findIndex((t) => t > now - this.windowMs);
    times.splice(0, expired === -1 ? times.length : expired);
    return times;
  }

  /** Forgets keys whose failures have all left the window, once per window. */
  private sweep(now: number): void {
    if (now - this.lastSweep < this.windowMs) return;
    this.lastSweep = now;
    for (const [key, times] of this.failures) {
      if ((times.at(-1) ?? 0) <= now - this.windowMs) this.failures.delete(key);
    }
  }
}

/** As the users service compares emails; bounded, since no account's email is longer than 254. */
function accountKey(email: string): string {
  return email.trim().toLowerCase().slice(0, 254);
}

/**
 * IPv4 as it is (also when IPv4-mapped); IPv6 by its /64, since one client commonly holds a whole
 * /64 and could otherwise take a fresh address for every guess.
 */
export function addressKey(address: string | undefined): string {
  if (!address) return 'unknown';
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(address);
  if (mapped) return mapped[1]!;
  if (!isIPv6(address)) return address;
  const [head = '', tail = ''] = address.split('::');
  const left = head ? head.split(':') : [];
  const right = tail ? tail.split(':') : [];
  const groups = address.includes('::') ? [...left, ...Array(8 - left.length - right.length).fill('0'), ...right] : left;
  return `${groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, '').toLowerCase())
    .join(':')}::/64`;
}
