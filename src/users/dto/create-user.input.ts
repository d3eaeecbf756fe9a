import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../common/enums.js';

@InputType()
export class CreateUserInput {
  @Field() email: string;
  @Field() name: string;
  @Field({ description: 'At least 8 characters' }) password: string;
  @Field(() => Role) role: Role;
  @Field(() => ID, { nullable: true, description: 'Required for PROJECT_SECRETARIAT and BOARD_MEMBER' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for AREA_SECRETARIAT' }) areaSecretariatId?: string | null;
}
