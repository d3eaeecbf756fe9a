import { Field, ObjectType } from '@nestjs/graphql';
import { UserModel } from './user.model.js';

@ObjectType('AuthPayload')
export class AuthPayloadModel {
  @Field() accessToken: string;
  @Field(() => String, {
    nullable: true,
    description: 'One-time token for refreshSession, good for REFRESH_TOKEN_TTL_HOURS from login (docs/security.md)',
  })
  refreshToken: string | null;
  @Field(() => UserModel) user: UserModel;
}
