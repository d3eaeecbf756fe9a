import { CallHandler, ExecutionContext, Inject, Injectable, NestInterceptor } from '@nestjs/common';
import { GqlExecutionContext } from '@nestjs/graphql';
import { tap, type Observable } from 'rxjs';
import { UnauthenticatedError } from '../common/errors.js';
import type { AppConfig } from '../config/config.js';
import { APP_CONFIG } from '../config/config.module.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { LoginThrottle } from './login-throttle.js';

/**
 * Wraps `login` (API.md, "Added by the hardening issue"): refuses it while the account or the
 * client address has too many recent failures, and counts the attempt only if the password was
 * wrong. Nest keeps one instance per application, so the counts live as long as the process.
 */
@Injectable()
export class LoginThrottleInterceptor implements NestInterceptor {
  private readonly throttle: LoginThrottle;

  constructor(@Inject(APP_CONFIG) config: AppConfig) {
    this.throttle = new LoginThrottle(config.loginThrottle);
  }

  intercept(context: ExecutionContext, next: CallHandler): Observable<unknown> {
    const gql = GqlExecutionContext.create(context);
    const { email } = gql.getArgs<{ email: string }>();
    // req.ip honours TRUST_PROXY (Express's `trust proxy`): behind a proxy, the client's address.
    const attempt = this.throttle.begin(email, gql.getContext<GraphQLContext>().req.ip);
    return next.handle().pipe(
      tap({
        error: (error: unknown) => {
          if (error instanceof UnauthenticatedError) attempt.failed();
        },
      }),
    );
  }
}
