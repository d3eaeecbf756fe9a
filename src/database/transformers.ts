import type { ValueTransformer } from 'typeorm';

/** `bigint` columns hold whole kroner; node-postgres returns them as strings. */
export const moneyTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : toMoney(value)),
};

/** `numeric` columns (weights, shares) come back as strings too. */
export const numericTransformer: ValueTransformer = {
  to: (value: number | null | undefined) => value,
  from: (value: string | null) => (value === null || value === undefined ? value : Number(value)),
};

/**
 * Whole kroner as the API carries them: a JS number while it is exact (up to 2^53 − 1), beyond that
 * the exact decimal string (docs/api.md allows both). Single amounts are validated to stay numbers; only
 * sums can grow past 2^53, and they must still never fail.
 */
export type Kroner = number | string;

/** A SQL sum of kroner (numeric or bigint, no fraction) as Kroner. */
export function toMoney(value: string | number | bigint | null | undefined): Kroner {
  if (value === null || value === undefined) return 0;
  const text = String(value).replace(/\.0*$/, '');
  if (!/^-?\d+$/.test(text)) throw new RangeError(`money value ${value} is not whole kroner`);
  const n = Number(text);
  return Number.isSafeInteger(n) ? n : text;
}
