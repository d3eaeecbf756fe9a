import { Field, GraphQLISODateTime, ID, Int, ObjectType } from '@nestjs/graphql';
import { PageInfoModel } from '../graphql/page-info.model.js';
import type { AuditEventEntity } from './audit-event.entity.js';

@ObjectType('AuditEvent', { description: 'One data-changing mutation: who, when, what, and the changed fields' })
export class AuditEventModel {
  @Field(() => ID) id: string;
  @Field(() => GraphQLISODateTime) at: Date;
  @Field({ description: 'The mutation, e.g. updateActivity' }) operation: string;
  @Field({ description: 'The GraphQL type changed, e.g. Activity' }) entity: string;
  @Field(() => ID) entityId: string;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields before' }) before: string | null;
  @Field(() => String, { nullable: true, description: 'JSON of the changed fields after' }) after: string | null;
  actorId: string | null;
  planId: string | null;
}

@ObjectType('AuditEventEdge')
export class AuditEventEdgeModel {
  @Field() cursor: string;
  @Field(() => AuditEventModel) node: AuditEventModel;
}

@ObjectType('AuditEventConnection')
export class AuditEventConnectionModel {
  @Field(() => Int) totalCount: number;
  @Field(() => [AuditEventEdgeModel]) edges: AuditEventEdgeModel[];
  @Field(() => PageInfoModel) pageInfo: PageInfoModel;
}

export function toAuditEventModel(e: AuditEventEntity): AuditEventModel {
  return {
    id: String(e.id),
    at: e.at,
    operation: e.operation,
    entity: e.entity,
    entityId: e.entityId,
    before: e.before === null ? null : JSON.stringify(e.before),
    after: e.after === null ? null : JSON.stringify(e.after),
    actorId: e.actorId,
    planId: e.planId,
  };
}
