import { Field, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../graphql/page-info.model.js';
import { PlanModel } from './plan.model.js';

@ObjectType('PlanEdge')
export class PlanEdgeModel {
  @Field() cursor: string;
  @Field(() => PlanModel) node: PlanModel;
}

@ObjectType('PlanConnection')
export class PlanConnectionModel {
  @Field(() => Int) totalCount: number;
  @Field(() => [PlanEdgeModel]) edges: PlanEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}
