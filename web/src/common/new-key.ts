/**
 * A random key for logProgress's idempotencyKey: one per opened form, so a double click or a retry
 * after a lost answer stores the entry once. getRandomValues works outside secure contexts too
 * (randomUUID does not), e.g. when Planspor is served over plain HTTP on a closed network.
 */
export function newKey(): string {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return Array.from(bytes, (b) => b.toString(16).padStart(2, '0')).join('');
}
