/**
 * What every authenticated request adds to its SQL statement count (X-SQL-Statements): the session
 * check, one primary-key lookup of the caller's user (src/auth/session.service.ts, docs/security.md).
 * The counts the tests pin are the operation's own plus this.
 */
export const SESSION_CHECK_STATEMENTS = 1;
