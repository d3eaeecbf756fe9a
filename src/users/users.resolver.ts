import { UseInterceptors } from '@nestjs/common';
import { Args, Mutation, Query, Resolver } from '@nestjs/graphql';
import type { AuthUser } from '../auth/auth-user.js';
import { CurrentUser, Public } from '../auth/current-user.decorator.js';
import { LoginThrottleInterceptor } from '../auth/login-throttle.interceptor.js';
import { AuthPayloadModel } from './auth-payload.model.js';
import { CreateUserInput } from './dto/create-user.input.js';
import { toUserModel, UserModel } from './user.model.js';
import { UsersService } from './users.service.js';

@Resolver(() => UserModel)
export class UsersResolver {
  constructor(private readonly usersService: UsersService) {}

  @Public()
  @UseInterceptors(LoginThrottleInterceptor)
  @Mutation(() => AuthPayloadModel)
  async login(@Args('email') email: string, @Args('password') password: string): Promise<AuthPayloadModel> {
    const { accessToken, user } = await this.usersService.login(email, password);
    return { accessToken, user: toUserModel(user) };
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
}
