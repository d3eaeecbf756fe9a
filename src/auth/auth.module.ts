import { Module } from '@nestjs/common';
import { AccessService } from './access.service.js';
import { AuthGuard } from './auth.guard.js';
import { TokenService } from './token.service.js';

@Module({
  providers: [AccessService, TokenService, AuthGuard],
  exports: [AccessService, TokenService, AuthGuard],
})
export class AuthModule {}
