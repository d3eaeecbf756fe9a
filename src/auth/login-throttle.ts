import { isIPv6 } from 'node:net';
import type { LoginThrottleLimits } from '../config/config.js';
import { LoginThrottledError } from './login-throttle.error.js';

/** One login attempt that passed the throttle. */
export interface LoginAttempt {
  /** The password was wrong: count it. Successes and outages are never counted. */
  failed(): Promise<void>;
}

/** Where the failures are kept: PostgreSQL in the app (login-throttle.service.ts), memory in unit tests. */
export interface FailureStore {
  /**
   * For each key, the time (ms) of its `max`-th most recent failure after `since`, or undefined
   * when it has fewer than `max` failures after `since`.
   */
  blocking(keys: { key: string; max: number }[], since: number): Promise<(number | undefined)[]>;
  /** Records a failure at `at` for each key; failures at or before `forgetUpTo` may be dropped. */
  add(keys: string[], at: number, forgetUpTo: number): Promise<void>;
}

/**
 * Failed logins per account (the email, case-insensitive) and per client address, in a sliding
 * window, kept in a FailureStore: in the app that is PostgreSQL, so every replica of one database
 * counts the same failures. Once either has `max` failures within the window, every attempt for it
 * is refused, a right password included, until the oldest of them leaves the window: a refusal that
 * depended on the password would tell a guesser when it was right. Refusals are not failures and do
 * not extend the block.
 *
 * Only failures that have happened count (API.md: "counts failed attempts only"), so many parallel
 * logins of a busy office behind one address are never refused for being in flight. Parallel
 * guesses can overshoot the limit by the number in flight; scrypt's cost bounds how many that is.
 */
export class LoginThrottle {
  constructor(
    private readonly limits: LoginThrottleLimits,
    private readonly store: FailureStore,
    private readonly now: () => number = Date.now,
  ) {}

  /** Rejects with LoginThrottledError when the account or the address is blocked. */
  async begin(email: string, address: string | undefined): Promise<LoginAttempt> {
    const now = this.now();
    const keys: { key: string; max: number; what: 'account' | 'address' }[] = [
      { key: `account:${accountKey(email)}`, max: this.limits.maxFailuresPerAccount, what: 'account' },
      { key: `address:${addressKey(address)}`, max: this.limits.maxFailuresPerAddress, what: 'address' },
    ];
    const blocking = await this.store.blocking(keys, now - this.windowMs);
    keys.forEach(({ what }, i) => {
      const since = blocking[i];
      if (since !== undefined) {
        throw new LoginThrottledError(what, Math.max(1, Math.ceil((since + this.windowMs - now) / 1000)));
      }
    });
    return {
      failed: () => {
        const at = this.now();
        return this.store.add(
          keys.map((k) => k.key),
          at,
          at - this.windowMs,
        );
      },
    };
  }

  private get windowMs(): number {
    return this.limits.windowSeconds * 1000;
  }
}

/** The failures in this process's memory: for unit tests of the rules. */
export class MemoryFailureStore implements FailureStore {
  /** Failure times (ms) per key, oldest first. */
  private readonly failures = new Map<string, number[]>();

  async blocking(keys: { key: string; max: number }[], since: number): Promise<(number | undefined)[]> {
    return keys.map(({ key, max }) => {
      const recent = (this.failures.get(key) ?? []).filter((t) => t > since);
      return recent.length >= max ? recent[recent.length - max] : undefined;
    });
  }

  async add(keys: string[], at: number, forgetUpTo: number): Promise<void> {
    for (const key of keys) {
      const kept = (this.failures.get(key) ?? []).filter((t) => t > forgetUpTo);
      kept.push(at);
      this.failures.set(key, kept);
    }
    for (const [key, times] of this.failures) if ((times.at(-1) ?? 0) <= forgetUpTo) this.failures.delete(key);
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
