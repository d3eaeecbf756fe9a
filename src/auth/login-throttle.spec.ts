import { addressKey, LoginThrottle } from './login-throttle.js';
import { LoginThrottledError } from './login-throttle.error.js';

function throttle(limits = { maxFailuresPerAccount: 3, maxFailuresPerAddress: 5, windowSeconds: 60 }) {
  const clock = { now: 1_000_000 };
  return { clock, throttle: new LoginThrottle(limits, () => clock.now) };
}

const fail = (t: LoginThrottle, email: string, address = '10.0.0.1') => t.begin(email, address).failed();

describe('login throttle', () => {
  it('refuses an account after its limit of failures, a right password included, until the oldest leaves the window', () => {
    const { clock, throttle: t } = throttle();
    fail(t, 'a@x.dk');
    clock.now += 10_000;
    fail(t, 'A@X.dk ');
    fail(t, 'a@x.dk');
    let refusal: unknown;
    try {
      t.begin('a@x.dk', '10.0.0.2');
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(LoginThrottledError);
    expect((refusal as LoginThrottledError).details.retryAfterSeconds).toBe(50);
    expect((refusal as LoginThrottledError).extensions.http.status).toBe(429);
    clock.now += 50_000;
    expect(() => t.begin('a@x.dk', '10.0.0.2')).not.toThrow();
  });

  it('refuses an address after its limit of failures, whatever the account', () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 5; i += 1) fail(t, `user${i}@x.dk`);
    expect(() => t.begin('someone-else@x.dk', '10.0.0.1')).toThrow(/from this address/);
    expect(() => t.begin('someone-else@x.dk', '10.0.0.9')).not.toThrow();
  });

  it('counts failures only: attempts in flight and successes never count', () => {
    const { throttle: t } = throttle();
    const inFlight = Array.from({ length: 10 }, () => t.begin('a@x.dk', '10.0.0.1'));
    expect(() => t.begin('a@x.dk', '10.0.0.1')).not.toThrow();
    inFlight.slice(0, 3).forEach((attempt) => attempt.failed());
    expect(() => t.begin('a@x.dk', '10.0.0.1')).toThrow(LoginThrottledError);
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
