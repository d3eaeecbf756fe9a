import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { NotFoundError } from '../common/errors.js';
import { optionalText, requireFinite, requireNotTooFarAhead, requirePresent, requireText, requireUuid } from '../common/validate.js';
import { GoalsService } from '../goals/goals.service.js';
import type { PlanEntity } from '../plans/plan.entity.js';
import { requireUnlockedForWrite } from '../reporting/reporting-lock.js';
import { RetractionsService } from '../retractions/retractions.service.js';
import type { CreateIndicatorInput } from './dto/create-indicator.input.js';
import type { RecordMeasurementInput } from './dto/record-measurement.input.js';
import type { UpdateIndicatorInput } from './dto/update-indicator.input.js';
import { DEFINITION_FIELDS, type IndicatorDefinition, indicatorDefinition } from './indicator-definition.js';
import { IndicatorRevisionEntity } from './indicator-revision.entity.js';
import { IndicatorEntity } from './indicator.entity.js';
import { MeasurementEntity } from './measurement.entity.js';

@Injectable()
export class IndicatorsService {
  constructor(
    private readonly dataSource: DataSource,
    private readonly access: AccessService,
    private readonly goals: GoalsService,
    private readonly audit: AuditService,
    private readonly retractions: RetractionsService,
  ) {}

  async createIndicator(auth: AuthUser, input: CreateIndicatorInput): Promise<IndicatorEntity> {
    const { goal, plan } = await this.goals.goalWithPlan(auth, input.goalId, 'goalId');
    this.access.requireEditPlanContent(auth, plan.id);
    const definition = indicatorDefinition(input, plan.startDate);
    return this.dataSource.transaction(async (m) => {
      const indicator = await m.save(
        m.create(IndicatorEntity, {
          planId: plan.id,
          goalId: goal.id,
          direction: input.direction,
          ...definition,
          createdBy: auth.id,
        }),
      );
      await this.audit.record(m, auth, { operation: 'createIndicator', entity: 'Indicator', entityId: indicator.id, planId: plan.id, after: indicator });
      return indicator;
    });
  }

  async recordMeasurement(auth: AuthUser, input: RecordMeasurementInput): Promise<MeasurementEntity> {
    const { indicator } = await this.editableIndicator(auth, input.indicatorId, 'indicatorId');
    requireNotTooFarAhead('measuredOn', input.measuredOn, todayUtc());
    const value = requireFinite('value', input.value);
    const note = optionalText('note', input.note) ?? null;
    // The insert trigger measurements_latest_pointer moves the indicator's latest measurement.
    return this.dataSource.transaction(async (m) => {
      // Locked history: nothing dated in a submitted or approved year (the lock holds until commit).
      await requireUnlockedForWrite(m, indicator.planId, input.measuredOn, 'measuredOn');
      const measurement = await m.save(
        m.create(MeasurementEntity, {
          planId: indicator.planId,
          indicatorId: indicator.id,
          measuredOn: input.measuredOn,
          value,
          note,
          recordedBy: auth.id,
        }),
      );
      await this.audit.record(m, auth, {
        operation: 'recordMeasurement',
        entity: 'Measurement',
        entityId: measurement.id,
        planId: indicator.planId,
        after: measurement,
      });
      return measurement;
    });
  }

  /**
   * Changes an indicator's definition (never its direction) with a reason. The result must pass
   * createIndicator's rules. A call that changes something appends one revision with the changed
   * fields before and after, and an audit row; a call that changes nothing writes nothing.
   */
  async updateIndicator(auth: AuthUser, input: UpdateIndicatorInput): Promise<IndicatorEntity> {
    const { indicator: read, plan } = await this.editableIndicator(auth, input.id, 'id');
    const reason = requireText('reason', input.reason, 500);
    // Checked before the transaction, so that bad input never waits for the row; checked again below
    // on the row as it is once locked, in case another update committed in between.
    indicatorDefinition(this.updated(read, input), plan.startDate);
    return this.dataSource.transaction(async (m) => {
      const current = await m.findOne(IndicatorEntity, { where: { id: read.id }, lock: { mode: 'pessimistic_write' } });
      if (!current) throw new NotFoundError('Indicator', input.id, 'id');
      const next = indicatorDefinition(this.updated(current, input), plan.startDate);
      const before: Record<string, unknown> = {};
      const after: Record<string, unknown> = {};
      for (const field of DEFINITION_FIELDS) {
        if (current[field] !== next[field]) {
          before[field] = current[field];
          after[field] = next[field];
        }
      }
      if (Object.keys(after).length === 0) return current;
      await m.update(IndicatorEntity, { id: current.id }, after as Partial<IndicatorDefinition>);
      await m.save(m.create(IndicatorRevisionEntity, { planId: current.planId, indicatorId: current.id, revisedBy: auth.id, reason, before, after }));
      await this.audit.record(m, auth, {
        operation: 'updateIndicator',
        entity: 'Indicator',
        entityId: current.id,
        planId: current.planId,
        before,
        after: { ...after, reason },
      });
      return { ...current, ...next };
    });
  }

  /** NOT_FOUND alike for an absent indicator and one outside the caller's scope; FORBIDDEN for a reader. */
  private async editableIndicator(auth: AuthUser, id: string, field: string): Promise<{ indicator: IndicatorEntity; plan: PlanEntity }> {
    const indicator = await this.dataSource.manager.findOneBy(IndicatorEntity, { id: requireUuid(id, 'Indicator', field) });
    if (!indicator) throw new NotFoundError('Indicator', id, field);
    const plan = await this.access.requireReadableObject(auth, indicator.planId, () => new NotFoundError('Indicator', id, field));
    this.access.requireEditPlanContent(auth, indicator.planId);
    return { indicator, plan };
  }

  /** The definition as the update would leave it: absent fields as they are, null clearing the optional ones. */
  private updated(current: IndicatorEntity, input: UpdateIndicatorInput) {
    const keep = <T>(value: T | null | undefined, now: T): T | null => (value === undefined ? now : value);
    return {
      direction: current.direction,
      name: input.name === undefined ? current.name : requirePresent('name', input.name),
      unit: input.unit === undefined ? current.unit : requirePresent('unit', input.unit),
      source: keep(input.source, current.source),
      baseline: keep(input.baseline, current.baseline),
      baselineDate: keep(input.baselineDate, current.baselineDate),
      target: input.target === undefined ? current.target : requirePresent('target', input.target),
      targetDate: input.targetDate === undefined ? current.targetDate : requirePresent('targetDate', input.targetDate),
    };
  }

  /**
   * Withdraws a measurement recorded by mistake (ADMIN, the plan's project secretariat): it stays in
   * measurements with its retraction and counts in no figure; the indicator's latest measurement
   * moves back to the latest one not retracted.
   */
  async retractMeasurement(auth: AuthUser, id: string, reason: string): Promise<MeasurementEntity> {
    const measurement = await this.dataSource.manager.findOneBy(MeasurementEntity, { id: requireUuid(id, 'Measurement', 'id') });
    if (!measurement) throw new NotFoundError('Measurement', id, 'id');
    await this.access.requireReadableObject(auth, measurement.planId, () => new NotFoundError('Measurement', id, 'id'));
    this.access.requireEditPlanContent(auth, measurement.planId);
    await this.retractions.retract(
      auth,
      {
        entity: 'Measurement',
        id: measurement.id,
        planId: measurement.planId,
        datedOn: measurement.measuredOn,
        retractedAt: measurement.retractedAt,
      },
      reason,
    );
    return this.dataSource.manager.findOneByOrFail(MeasurementEntity, { id: measurement.id });
  }
}
