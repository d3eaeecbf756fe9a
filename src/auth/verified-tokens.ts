/**
 * Tokens whose signature was already checked, with what they said, until they expire: a client sends
 * the same token with every request, and checking its HMAC and parsing its claims each time costs
 * more than the rest of the auth path. Only valid tokens are kept (a forged one is checked every
 * time), at most `capacity` of them, the oldest dropped first.
 */
export class VerifiedTokens<T> {
  private readonly entries = new Map<string, { value: T; expiresAt: number }>();

  constructor(private readonly capacity = 10_000) {}

  /** The cached value, or `verify`'s; `verify` returns the value and the token's `exp` (seconds) or undefined. */
  get(token: string, verify: (token: string) => { value: T; exp: number } | undefined, nowSeconds = Math.floor(Date.now() / 1000)): T | undefined {
    const cached = this.entries.get(token);
    // jsonwebtoken refuses a token from the second of its `exp` on: the same rule here.
    if (cached && nowSeconds < cached.expiresAt) return cached.value;
    if (cached) this.entries.delete(token);
    const verified = verify(token);
    if (!verified) return undefined;
    if (this.entries.size >= this.capacity) this.entries.delete(this.entries.keys().next().value!);
    this.entries.set(token, { value: verified.value, expiresAt: verified.exp });
    return verified.value;
  }
}
