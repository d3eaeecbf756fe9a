import { addressKey, LoginThrottle, MemoryFailureStore } from './login-throttle.js';
import { LoginThrottledError } from './login-throttle.error.js';

function throttle(limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowSeconds: 60 }) {
  const clock = { now: 1_000_000 };
  return { clock, throttle: new LoginThrottle(limits, new MemoryFailureStore(), () => clock.now) };
}

const fail = async (t: LoginThrottle, email: string, address = '10.0.0.1') => (await t.begin(email, address)).failed();

describe('login throttle', () => {
  it('refuses an account after its limit of failures, a right password included, until the oldest leaves the window', async () => {
    const { clock, throttle: t } = throttle();
    await fail(t, 'a@x.dk');
    clock.now += 10_000;
    await fail(t, 'A@X.dk ');
    await fail(t, 'a@x.dk');
    let refusal: unknown;
    try {
      await t.begin('a@x.dk', '10.0.0.2');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LoginThrottledError);
    expect((refusal as LoginThrottledError).details.retryAfterSeconds).toBe(50);
    expect((refusal as LoginThrottledError).extensions.http.status).toBe(429);
    clock.now += 50_000;
    await expect(t.begin('a@x.dk', '10.0.0.2')).resolves.toBeDefined();
  });

  it('refuses an address after its limit of failures, whatever the account', async () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 5; i += 1) await fail(t, `user${i}@x.dk`);
    await expect(t.begin('someone-else@x.dk', '10.0.0.1')).rejects.toThrow(/from this address/);
    await expect(t.begin('someone-else@x.dk', '10.0.0.9')).resolves.toBeDefined();
  });

  it('counts failures only: attempts in flight and successes never count', async () => {
    const { throttle: t } = throttle();
    const inFlight = await Promise.all(Array.from({ length: 10 }, () => t.begin('a@x.dk', '10.0.0.1')));
    await expect(t.begin('a@x.dk', '10.0.0.1')).resolves.toBeDefined();
    for (const attempt of inFlight.slice(0, 3)) await attempt.failed();
    await expect(t.begin('a@x.dk', '10.0.0.1')).rejects.toThrow(LoginThrottledError);
  });

  it('forgets failures that have left the window', async () => {
    const { clock, throttle: t } = throttle();
    await fail(t, 'a@x.dk');
    await fail(t, 'a@x.dk');
    clock.now += 60_000;
    await fail(t, 'a@x.dk');
    await expect(t.begin('a@x.dk', '10.0.0.1')).resolves.toBeDefined();
  });

  it('keys IPv6 clients by their /64 and IPv4-mapped ones by their IPv4 address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe('2001:db8:1:2::/64');
    expect(addressKey('2001:0db8:0001:0002:bbbb:cccc:dddd:eeee')).toBe('2001:db8:1:2::/64');
    expect(addressKey('::1')).toBe('0:0:0:0::/64');
    expect(addressKey('::ffff:192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey('192.0.2.7')).toBe('192.0.2.7');
    expect(addressKey(undefined)).toBe('unknown');
  });
});
