/**
 * Domain errors: services throw these, and the GraphQL error formatter turns each into
 * `extensions.code` once (src/graphql/format-error.ts). No HttpException in GraphQL code.
 */
export type ErrorCode =
  | 'UNAUTHENTICATED'
  | 'FORBIDDEN'
  | 'NOT_FOUND'
  | 'BAD_USER_INPUT'
  | 'CONFLICT'
  | 'TOO_MANY_REQUESTS'
  | 'SERVICE_UNAVAILABLE';

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  /** Extra `extensions` for the client, e.g. the offending field. */
  readonly details: Record<string, unknown> = {};
}

export class UnauthenticatedError extends DomainError {
  readonly code = 'UNAUTHENTICATED';
  constructor(message = 'Authentication required: send Authorization: Bearer <accessToken> from login') {
    super(message);
  }
}

export class ForbiddenError extends DomainError {
  readonly code = 'FORBIDDEN';
  /** With `field`, the input field the role may not set (also in the message, by convention first). */
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.details.field = field;
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'NOT_FOUND';
  /** `entity` is the GraphQL type name; the message never says whether it exists outside the caller's scope. */
  constructor(entity: string, id?: string | null, field?: string) {
    super(
      field
        ? `${field}: no ${entity} with id "${id}"`
        : id === undefined
          ? `${entity} not found`
          : `${entity} "${id}" not found`,
    );
    if (field) this.details.field = field;
  }
}

export class BadInputError extends DomainError {
  readonly code = 'BAD_USER_INPUT';
  constructor(
    readonly field: string,
    message: string,
  ) {
    super(`${field}: ${message}`);
    this.details.field = field;
  }
}

export class ConflictError extends DomainError {
  readonly code = 'CONFLICT';
  /** With `field`, the input field whose value conflicts (e.g. a reused idempotencyKey). */
  constructor(message: string, field?: string) {
    super(message);
    if (field) this.details.field = field;
  }
}

export class TooManyRequestsError extends DomainError {
  readonly code = 'TOO_MANY_REQUESTS';
}

export class ServiceUnavailableError extends DomainError {
  readonly code = 'SERVICE_UNAVAILABLE';
}
