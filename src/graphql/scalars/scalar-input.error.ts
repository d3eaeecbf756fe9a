/**
 * Thrown by our scalars' parseLiteral. A plain Error (not a GraphQLError) on purpose: graphql-js then
 * wraps it with the offending value's location, from which format-error.ts names the field and gives
 * the code BAD_USER_INPUT.
 */
export class ScalarInputError extends Error {}
