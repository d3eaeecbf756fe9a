import { Field, ID, ObjectType } from '@nestjs/graphql';
import { Role } from '../common/enums.js';
import type { UserEntity } from './user.entity.js';

/** Never carries the password hash: the mapper copies only these fields. */
@ObjectType('User')
export class UserModel {
  @Field(() => ID) id: string;
  @Field() email: string;
  @Field() name: string;
  @Field(() => Role) role: Role;
  @Field({ description: 'False once an ADMIN has deactivated the account: it can no longer log in' }) active: boolean;
  planId: string | null;
  areaSecretariatId: string | null;
}

export function toUserModel(e: UserEntity): UserModel {
  return { id: e.id, email: e.email, name: e.name, role: e.role, active: e.active, planId: e.planId, areaSecretariatId: e.areaSecretariatId };
}
