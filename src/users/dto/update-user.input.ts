import { Field, ID, InputType } from '@nestjs/graphql';
import { Role } from '../../common/enums.js';

/** Omitted fields stay as they are; when `role` changes, an omitted plan or area secretariat is cleared. */
@InputType()
export class UpdateUserInput {
  @Field(() => ID) id: string;
  @Field(() => String, { nullable: true }) name?: string | null;
  @Field(() => Role, { nullable: true }) role?: Role | null;
  @Field(() => ID, { nullable: true, description: 'Required for PROJECT_SECRETARIAT and BOARD_MEMBER' }) planId?: string | null;
  @Field(() => ID, { nullable: true, description: 'Required for AREA_SECRETARIAT' }) areaSecretariatId?: string | null;
  @Field(() => Boolean, { nullable: true, description: 'False deactivates the account: it can no longer log in, and its tokens end' }) active?: boolean | null;
}
