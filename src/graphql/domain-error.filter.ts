import { ArgumentsHost, Catch } from '@nestjs/common';
import type { GqlExceptionFilter } from '@nestjs/graphql';
import { DomainError } from '../common/errors.js';

/**
 * Domain errors are answers, not failures: hand them to Apollo untouched (and unlogged); the error
 * formatter gives them their `extensions.code`.
 */
@Catch(DomainError)
export class DomainErrorFilter implements GqlExceptionFilter {
  catch(error: DomainError, _host: ArgumentsHost): DomainError {
    return error;
  }
}
