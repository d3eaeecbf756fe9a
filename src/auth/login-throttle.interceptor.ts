import { CallHandler, ExecutionContext, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { catchError, from, type Observable } from 'rxjs';
import { UnauthenticatedError } from '../common/errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { LoginThrottleService } from './login-throttle.service.js';

/**
 * Wraps `login` (API.md, "Added by the hardening issue"): refuses it while the account or the
 * client address has too many recent failures, and counts the attempt only if the password was
 * wrong. The counts are in PostgreSQL (login-throttle.service.ts), shared by every replica; a
 * failure is written before the answer goes out, so the next attempt already sees it.
 */
@Injectable()
export class LoginThrottleInterceptor implements NestInterceptor {
  constructor(private readonly throttle: LoginThrottleService) {}

  async intercept(context: ExecutionContext, next: CallHandler): Promise<Observable<unknown>> {
    const gql = GqlExecutionContext.create(context);
    const { email } = gql.getArgs<{ email: string }>();
    // req.ip honours TRUST_PROXY (Express's `trust proxy`): behind a proxy, the client's address.
    const attempt = await this.throttle.begin(email, gql.getContext<GraphQLContext>().req.ip);
    return next.handle().pipe(
      catchError((error: unknown) =>
        from(
          (async () => {
            if (error instanceof UnauthenticatedError) await attempt.failed();
            throw error;
          })(),
        ),
      ),
    );
  }
}
