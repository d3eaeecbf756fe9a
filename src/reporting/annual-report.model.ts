import { Field, Float, Int, ObjectType } from '@nestjs/graphql';
import { IndicatorDirection, IndicatorStatus, ResponsibleParty } from '../common/enums.js';
import type { Kroner } from '../database/transformers.js';
import { toMoney } from '../database/transformers.js';
import { DateScalar } from '../graphql/scalars/date.scalar.js';
import { MoneyScalar } from '../graphql/scalars/money.scalar.js';
import type { AnnualReportFigures } from './annual-report-figures.js';
import { milestoneFromSnapshot, MilestoneModel } from './milestone.model.js';
import { ReportingPeriodModel } from './reporting-period.model.js';

@ObjectType('AnnualIndicatorRow', { description: 'An indicator as of the period’s end (målopfyldelse)' })
export class AnnualIndicatorRowModel {
  @Field() name: string;
  @Field() unit: string;
  @Field(() => IndicatorDirection) direction: IndicatorDirection;
  @Field(() => Float, { nullable: true }) baseline: number | null;
  @Field(() => DateScalar, { nullable: true }) baselineDate: string | null;
  @Field(() => Float) target: number;
  @Field(() => DateScalar) targetDate: string;
  @Field(() => Float, { nullable: true, description: 'Of the latest measurement on or before the period’s end' }) value: number | null;
  @Field(() => DateScalar, { nullable: true }) measuredOn: string | null;
  @Field(() => Float, { nullable: true }) attainment: number | null;
  @Field(() => IndicatorStatus, { description: 'By the roll-up rules, with the period’s end in place of today' }) status: IndicatorStatus;
  @Field(() => String, { nullable: true, description: 'The secretariat’s, from the last submission' }) comment: string | null;
  indicatorId: string;
  goalId: string;
  planId: string;
}

@ObjectType('AnnualActivityRow', { description: 'A non-cancelled activity whose period meets the year' })
export class AnnualActivityRowModel {
  @Field() title: string;
  @Field(() => ResponsibleParty) responsibleParty: ResponsibleParty;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => Float, { nullable: true, description: 'Of the latest entry on or before the period’s end' }) progress: number | null;
  @Field(() => MoneyScalar, { description: 'Spend to date by the period’s end' }) spent: Kroner;
  @Field(() => MoneyScalar, { description: 'spent minus the spend of the latest entry before the period’s start' }) spentInYear: Kroner;
  @Field(() => Int, { nullable: true }) participantsReached: number | null;
  @Field(() => Int, { description: 'Progress entries reported within the period' }) entriesInYear: number;
  activityId: string;
  focusAreaId: string | null;
  planId: string;
}

@ObjectType('AnnualFinances', { description: 'The plan’s money and its activities’ spend (regnskab)' })
export class AnnualFinancesModel {
  @Field(() => MoneyScalar) lbfGrant: Kroner;
  @Field(() => MoneyScalar) localCofinancing: Kroner;
  @Field(() => MoneyScalar) budget: Kroner;
  @Field(() => MoneyScalar) spent: Kroner;
  @Field(() => MoneyScalar) spentInYear: Kroner;
}

@ObjectType('AnnualReport', {
  description: 'A plan’s report for one year (årsrapport): exactly as submitted while SUBMITTED or APPROVED, else computed afresh',
})
export class AnnualReportModel {
  @Field(() => ReportingPeriodModel) period: ReportingPeriodModel;
  @Field(() => DateScalar, { description: 'The period’s end date: every figure is as of this day' }) asOf: string;
  @Field(() => String, { nullable: true, description: 'The secretariat’s, from the last submission' }) comment: string | null;
  @Field(() => [AnnualIndicatorRowModel], { description: 'Goals in tree order, then by creation' }) indicators: AnnualIndicatorRowModel[];
  @Field(() => [AnnualActivityRowModel]) activities: AnnualActivityRowModel[];
  @Field(() => AnnualFinancesModel) finances: AnnualFinancesModel;
  @Field(() => [MilestoneModel], { description: 'Next year’s milestone plan: those due in year + 1' }) milestones: MilestoneModel[];
}

/** A report from its figures (stored or live) and the comments of the period's latest submission. */
export function toAnnualReportModel(
  period: ReportingPeriodModel,
  figures: AnnualReportFigures,
  submission: { comment: string | null; indicatorComments: Record<string, string> } | null,
): AnnualReportModel {
  const planId = period.planId;
  return {
    period,
    asOf: figures.asOf,
    comment: submission?.comment ?? null,
    indicators: figures.indicators.map((i) => ({ ...i, planId, comment: submission?.indicatorComments[i.indicatorId] ?? null })),
    activities: figures.activities.map((a) => ({
      ...a,
      planId,
      budget: toMoney(a.budget),
      spent: toMoney(a.spent),
      spentInYear: toMoney(a.spentInYear),
    })),
    finances: {
      lbfGrant: toMoney(figures.finances.lbfGrant),
      localCofinancing: toMoney(figures.finances.localCofinancing),
      budget: toMoney(figures.finances.budget),
      spent: toMoney(figures.finances.spent),
      spentInYear: toMoney(figures.finances.spentInYear),
    },
    milestones: figures.milestones.map((m) => milestoneFromSnapshot(planId, m)),
  };
}
