import { HeaderMap } from '@apollo/server';
import { TooManyRequestsError } from '../common/errors.js';

/**
 * TOO_MANY_REQUESTS with HTTP 429 and Retry-After. graphql-js copies an error's own `extensions`
 * onto the GraphQL error, and Apollo turns `extensions.http` into the response status and headers.
 */
export class LoginThrottledError extends TooManyRequestsError {
  readonly extensions: { http: { status: number; headers: HeaderMap } };

  constructor(what: 'account' | 'address', retryAfterSeconds: number) {
    super(
      what === 'account'
        ? `Too many failed logins for this account: try again in ${retryAfterSeconds} seconds`
        : `Too many failed logins from this address: try again in ${retryAfterSeconds} seconds`,
    );
    this.details.retryAfterSeconds = retryAfterSeconds;
    this.extensions = { http: { status: 429, headers: new HeaderMap([['retry-after', String(retryAfterSeconds)]]) } };
  }
}
