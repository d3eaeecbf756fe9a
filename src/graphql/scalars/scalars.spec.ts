import { Kind } from 'graphql';
import { DateScalar, isIsoDate } from './date.scalar.js';
import { MoneyScalar } from './money.scalar.js';

describe('Date', () => {
  it('accepts real calendar dates only', () => {
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('2025-02-29')).toBe(false);
    expect(isIsoDate('2024-13-01')).toBe(false);
    expect(isIsoDate('24-1-1')).toBe(false);
    expect(isIsoDate('2024-01-01T00:00:00Z')).toBe(false);
  });

  it('refuses a bad value with BAD_USER_INPUT', () => {
    expect(() => DateScalar.parseValue('2024-02-30')).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    expect(DateScalar.parseValue('2024-02-29')).toBe('2024-02-29');
  });
});

describe('Money', () => {
  it('accepts whole kroner as a number or a decimal string, exactly beyond 2^31', () => {
    expect(MoneyScalar.parseValue(2_200_000_000)).toBe(2_200_000_000);
    expect(MoneyScalar.parseValue('9007199254740991')).toBe(Number.MAX_SAFE_INTEGER);
    expect(MoneyScalar.parseLiteral({ kind: Kind.STRING, value: '1200000' })).toBe(1_200_000);
    expect(MoneyScalar.parseLiteral({ kind: Kind.INT, value: '2200000000' })).toBe(2_200_000_000);
    expect(() => MoneyScalar.parseLiteral({ kind: Kind.INT, value: '9007199254740993' })).toThrow(/9007199254740993/);
    expect(MoneyScalar.parseValue(-5)).toBe(-5); // the sign is the service's to judge, naming the field
  });

  it('refuses fractions, text and amounts beyond 2^53', () => {
    for (const bad of [1.5, '1.5', 'abc', '9007199254740993', 1e300, true, null]) {
      expect(() => MoneyScalar.parseValue(bad)).toThrow(expect.objectContaining({ extensions: { code: 'BAD_USER_INPUT' } }));
    }
  });

  it('serialises as a JSON number while exact, else as a decimal string', () => {
    expect(MoneyScalar.serialize('2200000000')).toBe(2_200_000_000);
    // A national sum beyond 2^53 stays exact as a decimal string rather than failing.
    expect(MoneyScalar.serialize('9007199254740993')).toBe('9007199254740993');
  });
});
