import { Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { AuthGuard } from './auth.guard.js';
import { LoginThrottleService } from './login-throttle.service.js';
import { RefreshTokenService } from './refresh-token.service.js';
import { SessionService } from './session.service.js';
import { TokenService } from './token.service.js';

@Module({
  providers: [AccessService, TokenService, SessionService, RefreshTokenService, LoginThrottleService, AuthGuard],
  exports: [AccessService, TokenService, SessionService, RefreshTokenService, LoginThrottleService, AuthGuard],
})
export class AuthModule {}
