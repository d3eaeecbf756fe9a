/**
 * Compares two JSON answers as sets: arrays are matched by each element's id (or its focus area's,
 * municipality's or goal's id), numbers within a relative 1e-9 (sums of doubles may differ in the
 * last bit with the order of summation). Returns the first difference, or null when they agree.
 */
export function firstDifference(a: unknown, b: unknown, path = '$'): string | null {
  if (typeof a === 'number' && typeof b === 'number') {
    return Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b)) ? null : `${path}: ${a} vs ${b}`;
  }
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') {
    return a === b ? null : `${path}: ${JSON.stringify(a)} vs ${JSON.stringify(b)}`;
  }
  if (Array.isArray(a) !== Array.isArray(b)) return `${path}: array vs object`;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return `${path}: ${a.length} vs ${b.length} elements`;
    const sa = [...a].sort(byKey);
    const sb = [...b].sort(byKey);
    for (let i = 0; i < sa.length; i++) {
      const d = firstDifference(sa[i], sb[i], `${path}[${keyOf(sa[i]) ?? i}]`);
      if (d) return d;
    }
    return null;
  }
  const ao = a as Record<string, unknown>;
  const bo = b as Record<string, unknown>;
  for (const key of new Set([...Object.keys(ao), ...Object.keys(bo)])) {
    const d = firstDifference(ao[key] ?? null, bo[key] ?? null, `${path}.${key}`);
    if (d) return d;
  }
  return null;
}

function keyOf(value: unknown): string | undefined {
  if (value === null || typeof value !== 'object') return typeof value === 'string' ? value : undefined;
  const o = value as Record<string, any>;
  return o.id ?? o.focusArea?.id ?? o.municipality?.id ?? o.goal?.id;
}

function byKey(x: unknown, y: unknown): number {
  const kx = keyOf(x) ?? JSON.stringify(x);
  const ky = keyOf(y) ?? JSON.stringify(y);
  return kx < ky ? -1 : kx > ky ? 1 : 0;
}
