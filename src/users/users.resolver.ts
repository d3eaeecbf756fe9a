import { UseInterceptors } from '@nestjs/common';
import { Args, Context, ID, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public } from '../auth/current-user.decorator.js';
import { LoginThrottleInterceptor } from '../auth/login-throttle.interceptor.js';
import { SESSION_ENDED, SessionService } from '../auth/session.service.js';
import { UnauthenticatedError } from '../common/errors.js';
import type { GraphQLContext } from '../graphql/graphql-context.js';
import { AuthPayloadModel } from './auth-payload.model.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { UpdateUserInput } from './dto/update-user.input.js';
import { toUserModel, UserModel } from './user.model.js';
import { UsersService, type Session } from './users.service.js';

const toPayload = ({ accessToken, refreshToken, user }: Session): AuthPayloadModel => ({ accessToken, refreshToken, user: toUserModel(user) });

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(
    private readonly usersService: UsersService,
    private readonly sessions: SessionService,
  ) {}

  @Public()
  @UseInterceptors(LoginThrottleInterceptor)
  @Mutation(() => AuthPayloadModel)
  async login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    return toPayload(await this.usersService.login(email, password));
  }

  @Public()
  @Mutation(() => AuthPayloadModel, { description: 'A refresh token (once) for a new access and refresh token' })
  async refreshSession(@Args('refreshToken') refreshToken: string): Promise<AuthPayloadModel> {
    return toPayload(await this.usersService.refreshSession(refreshToken));
  }

  /** Public so that a client whose access token has run out can still end its sign-in. */
  @Public()
  @Mutation(() => Boolean, {
    description: 'With a refreshToken: ends that sign-in. Without: ends every session of the signed-in caller',
  })
  async logout(
    @Context() ctx: GraphQLContext,
    @Args('refreshToken', { type: () => String, nullable: true }) refreshToken?: string | null,
  ): Promise<boolean> {
    if (refreshToken) return this.usersService.logout(null, refreshToken);
    if (ctx.badToken) throw new UnauthenticatedError('The access token is invalid or has expired: log in again');
    if (ctx.auth && !(await this.sessions.isCurrent(ctx.req, ctx.auth))) throw new UnauthenticatedError(SESSION_ENDED);
    return this.usersService.logout(ctx.auth, null);
  }

  @Query(() => UserModel)
  async me(@CurrentUser() auth: AuthUser): Promise<UserModel> {
    return toUserModel(await this.usersService.me(auth));
  }

  @Query(() => [UserModel], { description: 'ADMIN only' })
  async users(@CurrentUser() auth: AuthUser): Promise<UserModel[]> {
    return (await this.usersService.users(auth)).map(toUserModel);
  }

  @Mutation(() => UserModel, { description: 'ADMIN only' })
  async createUser(@CurrentUser() auth: AuthUser, @Args('input') input: CreateUserInput): Promise<UserModel> {
    return toUserModel(await this.usersService.createUser(auth, input));
  }

  @Mutation(() => UserModel, { description: 'ADMIN only' })
  async updateUser(@CurrentUser() auth: AuthUser, @Args('input') input: UpdateUserInput): Promise<UserModel> {
    return toUserModel(await this.usersService.updateUser(auth, input));
  }

  @Mutation(() => Boolean, { description: 'ADMIN only; ends every session of that user' })
  async setUserPassword(
    @CurrentUser() auth: AuthUser,
    @Args('userId', { type: () => ID }) userId: string,
    @Args('password') password: string,
  ): Promise<boolean> {
    return this.usersService.setUserPassword(auth, userId, password);
  }

  @Mutation(() => Boolean, { description: 'The caller’s own password; ends every session of the caller, this one included' })
  async changePassword(
    @CurrentUser() auth: AuthUser,
    @Context() ctx: GraphQLContext,
    @Args('currentPassword') currentPassword: string,
    @Args('newPassword') newPassword: string,
  ): Promise<boolean> {
    return this.usersService.changePassword(auth, currentPassword, newPassword, ctx.req.ip);
  }
}
