/**
 * What no log line may hold: passwords, tokens and credentials, wherever they sit in a logged object
 * (request headers, GraphQL variables, an error's details) and inside plain messages.
 */
export const REDACTED = '[Redacted]';

/** Keys whose values are secrets, compared without case and without `-`/`_`. */
const SECRET_KEY = /^(authorization|proxyauthorization|cookie|setcookie|password|newpassword|currentpassword|passwd|secret|jwtsecret|token|accesstoken|refreshtoken|idtoken|metricstoken|apikey|xapikey)$/;

export function isSecretKey(key: string): boolean {
  return SECRET_KEY.test(key.toLowerCase().replace(/[-_]/g, ''));
}

/** A JWT (three base64url parts, the first a JSON header) or a `Bearer …` credential inside a string. */
const SECRET_IN_TEXT = /\beyJ[\w-]{5,}\.[\w-]+\.[\w-]+|\b(Bearer|Basic)\s+[\w.~+/=-]+/gi;

export function redactText(text: string): string {
  return text.replace(SECRET_IN_TEXT, (match) => (/^(bearer|basic)\s/i.test(match) ? `${match.split(/\s+/)[0]} ${REDACTED}` : REDACTED));
}

/**
 * A copy of `value` with every secret key's value replaced and every string scrubbed of tokens.
 * Cycles and depth beyond 8 are cut; Errors keep their name, message and stack (scrubbed).
 */
export function redact(value: unknown, depth = 0, seen = new WeakSet<object>()): unknown {
  if (typeof value === 'string') return redactText(value);
  if (value === null || typeof value !== 'object') return value;
  // Only plain data is walked: a request, a response or a Buffer is left to pino's serializers.
  const prototype = Object.getPrototypeOf(value);
  if (!Array.isArray(value) && !(value instanceof Error) && prototype !== Object.prototype && prototype !== null) return value;
  if (seen.has(value)) return '[Circular]';
  if (depth > 8) return '[Truncated]';
  seen.add(value);
  if (Array.isArray(value)) return value.map((item) => redact(item, depth + 1, seen));
  const source: Record<string, unknown> =
    value instanceof Error ? { type: value.name, message: value.message, stack: value.stack, ...(value as unknown as Record<string, unknown>) } : (value as Record<string, unknown>);
  const copy: Record<string, unknown> = {};
  for (const [key, item] of Object.entries(source)) copy[key] = isSecretKey(key) ? REDACTED : redact(item, depth + 1, seen);
  return copy;
}
