import { VerifiedTokens } from './verified-tokens.js';

/** A check that counts its calls and says what `answer` says. */
function counting<T>(answer: (token: string) => { value: T; exp: number } | undefined) {
  const check = Object.assign((token: string) => (check.calls++, answer(token)), { calls: 0 });
  return check;
}

describe('verified tokens', () => {
  const now = 1_800_000_000;

  it('checks a token once, then answers from memory until its exp', () => {
    const tokens = new VerifiedTokens<string>();
    let valid = true;
    const check = counting<string>((token) => (valid ? { value: `user of ${token}`, exp: now + 60 } : undefined));
    expect(tokens.get('t', check, now)).toBe('user of t');
    expect(tokens.get('t', check, now + 59)).toBe('user of t');
    expect(check.calls).toBe(1);
    // From the second of exp on, the token is checked again (and the real check refuses it then).
    valid = false;
    expect(tokens.get('t', check, now + 60)).toBeUndefined();
    expect(check.calls).toBe(2);
  });

  it('keeps no refused token: a forged one is checked every time', () => {
    const tokens = new VerifiedTokens<string>();
    const check = counting<string>(() => undefined);
    expect(tokens.get('forged', check, now)).toBeUndefined();
    expect(tokens.get('forged', check, now)).toBeUndefined();
    expect(check.calls).toBe(2);
  });

  it('holds at most its capacity, dropping the oldest', () => {
    const tokens = new VerifiedTokens<string>(2);
    const check = counting<string>((token) => ({ value: token, exp: now + 60 }));
    for (const token of ['a', 'b', 'c']) tokens.get(token, check, now);
    tokens.get('c', check, now);
    tokens.get('b', check, now);
    expect(check.calls).toBe(3);
    tokens.get('a', check, now); // dropped: checked again
    expect(check.calls).toBe(4);
  });
});
