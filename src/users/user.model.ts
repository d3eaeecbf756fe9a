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
  planId: string | null;
  areaSecretariatId: string | null;
}

export function toUserModel(e: UserEntity): UserModel {
  return { id: e.id, email: e.email, name: e.name, role: e.role, planId: e.planId, areaSecretariatId: e.areaSecretariatId };
}
