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

/** A SQL sum of kroner (numeric or bigint) as an exact JS number; sums beyond 2^53 are refused. */
export function toMoney(value: string | number | bigint | null | undefined): number {
  if (value === null || value === undefined) return 0;
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new RangeError(`money value ${value} is not a safe whole number`);
  return n;
}
