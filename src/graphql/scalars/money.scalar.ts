import { GraphQLError, GraphQLScalarType, Kind } from 'graphql';

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

export const MoneyScalar = new GraphQLScalarType<number, number>({
  name: 'Money',
  description: 'Whole Danish kroner: a JSON number on output; a number or a decimal string on input',
  serialize: (value) => {
    const n = typeof value === 'string' ? Number(value) : value;
    if (typeof n !== 'number' || !Number.isSafeInteger(n)) throw new GraphQLError(`Money cannot represent ${value}`);
    return n;
  },
  parseValue: parse,
  parseLiteral: (ast) => {
    if (ast.kind === Kind.INT || ast.kind === Kind.STRING) return parse(ast.kind === Kind.INT ? Number(ast.value) : ast.value);
    throw new GraphQLError('Money must be whole kroner', { extensions: { code: 'BAD_USER_INPUT' } });
  },
});
