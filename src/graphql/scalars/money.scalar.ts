import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';
import { ScalarInputError } from './scalar-input.error.js';

/**
 * Whole Danish kroner. National sums exceed 2^31, so not Int: serialised as a JSON number (exact up
 * to 2^53); accepted as a number or a decimal string. Sign is checked by the services, which name
 * the field.
 */
function parse(value: unknown): number {
  const n = typeof value === 'string' && /^-?\d+$/.test(value.trim()) ? Number(value.trim()) : value;
  if (typeof n !== 'number' || !Number.isSafeInteger(n)) {
    throw new GraphQLError(
      `Money must be whole kroner as a number or a decimal string (at most 2^53), got ${JSON.stringify(value)}`,
      { extensions: { code: 'BAD_USER_INPUT' } },
    );
  }
  return n;
}

export const MoneyScalar = new GraphQLScalarType<number, number | string>({
  name: 'Money',
  description: 'Whole Danish kroner: a JSON number on output; a number or a decimal string on input',
  // A number while exact; a sum beyond 2^53 arrives here as its exact decimal string and stays one.
  serialize: (value) => {
    if (typeof value === 'number' && Number.isSafeInteger(value)) return value;
    if (typeof value === 'string' && /^-?\d+$/.test(value)) {
      const n = Number(value);
      return Number.isSafeInteger(n) ? n : value;
    }
    throw new GraphQLError(`Money cannot represent ${String(value)}`);
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    // An Int literal is parsed from its text, so a value past 2^53 is reported as written.
    const text = ast.kind === Kind.INT || ast.kind === Kind.STRING ? ast.value : undefined;
    const n = text !== undefined && /^-?\d+$/.test(text.trim()) ? Number(text.trim()) : NaN;
    if (!Number.isSafeInteger(n)) {
      throw new ScalarInputError(`Money must be whole kroner (at most 2^53), got ${text ?? ast.kind}`);
    }
    return n;
  },
});
