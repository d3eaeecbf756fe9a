import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service.js';
import { AccessService } from '../auth/access.service.js';
import type { AuthUser } from '../auth/auth-user.js';
import { todayUtc } from '../common/clock.js';
import { BadInputError, NotFoundError } from '../common/errors.js';
import { optionalText, requireFinite, requireNotTooFarAhead, requireText, requireUuid } from '../common/validate.js';
import { GoalsService } from '../goals/goals.service.js';
import { RetractionsService } from '../retractions/retractions.service.js';
import type { CreateIndicatorInput } from './dto/create-indicator.input.js';
import type { RecordMeasurementInput } from './dto/record-measurement.input.js';
import { requirePlausibleTarget } from './indicator-rules.js';
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
    const name = requireText('name', input.name);
    const unit = requireText('unit', input.unit, 50);
    const source = optionalText('source', input.source, 500) ?? null;
    const target = requireFinite('target', input.target);
    const baseline = input.baseline === null || input.baseline === undefined ? null : requireFinite('baseline', input.baseline);
    requirePlausibleTarget({ direction: input.direction, baseline, target });
    // Attainment is measured against the time from baseline to target: without a date, the plan's start.
    const baselineDate = input.baselineDate ?? (baseline === null ? null : plan.startDate);
    if (baselineDate && input.targetDate < baselineDate) {
      throw new BadInputError('targetDate', `${input.targetDate} is before baselineDate ${baselineDate}`);
    }
    return this.dataSource.transaction(async (m) => {
      const indicator = await m.save(
        m.create(IndicatorEntity, {
          planId: plan.id,
          goalId: goal.id,
          name,
          unit,
          direction: input.direction,
          source,
          baseline,
          baselineDate,
          target,
          targetDate: input.targetDate,
          createdBy: auth.id,
        }),
      );
      await this.audit.record(m, auth, { operation: 'createIndicator', entity: 'Indicator', entityId: indicator.id, planId: plan.id, after: indicator });
      return indicator;
    });
  }

  async recordMeasurement(auth: AuthUser, input: RecordMeasurementInput): Promise<MeasurementEntity> {
    const indicator = await this.dataSource.manager.findOneBy(IndicatorEntity, {
      id: requireUuid(input.indicatorId, 'Indicator', 'indicatorId'),
    });
    if (!indicator) throw new NotFoundError('Indicator', input.indicatorId, 'indicatorId');
    await this.access.requireReadableObject(auth, indicator.planId, () => new NotFoundError('Indicator', input.indicatorId, 'indicatorId'));
    this.access.requireEditPlanContent(auth, indicator.planId);
    requireNotTooFarAhead('measuredOn', input.measuredOn, todayUtc());
    const value = requireFinite('value', input.value);
    const note = optionalText('note', input.note) ?? null;
    // The insert trigger measurements_latest_pointer moves the indicator's latest measurement.
    return this.dataSource.transaction(async (m) => {
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
