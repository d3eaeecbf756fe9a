import { ActivityStatus, GoalKind, IndicatorDirection, IndicatorStatus, ResponsibleParty } from '../../common/enums.js';
import { layout } from './sheet-layout.js';

/**
 * The plan workbook (GET /exports/plans/{id}.xlsx), one sheet per table, in this order. In an export
 * `ref` is the object's id and `…Ref` the id of the object referred to; the import reads the same
 * sheets (Goals, Indicators, Activities, Links) and ignores the computed columns (`computed` below).
 */
const goalKinds = Object.values(GoalKind);
const directions = Object.values(IndicatorDirection);
const indicatorStatuses = Object.values(IndicatorStatus);
const responsibleParties = Object.values(ResponsibleParty);
const activityStatuses = Object.values(ActivityStatus);

export const GOALS = layout('Goals', 'Mål', [
  { key: 'ref', da: 'Reference', kind: 'text', width: 38 },
  { key: 'parentRef', da: 'Overordnet reference', kind: 'text', width: 38 },
  { key: 'kind', da: 'Type', kind: 'enum', values: goalKinds, width: 10 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'description', da: 'Beskrivelse', kind: 'text', width: 40 },
  { key: 'focusArea', da: 'Fokusområde', kind: 'text', width: 24 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
]);

export const INDICATORS = layout('Indicators', 'Indikatorer', [
  { key: 'ref', da: 'Reference', kind: 'text', width: 38 },
  { key: 'goalRef', da: 'Målreference', kind: 'text', width: 38 },
  { key: 'name', da: 'Navn', kind: 'text', width: 36 },
  { key: 'unit', da: 'Enhed', kind: 'text', width: 10 },
  { key: 'direction', da: 'Retning', kind: 'enum', values: directions, width: 12 },
  { key: 'source', da: 'Kilde', kind: 'text', width: 24 },
  { key: 'baseline', da: 'Udgangspunkt', kind: 'number' },
  { key: 'baselineDate', da: 'Udgangspunktsdato', kind: 'date', width: 12 },
  { key: 'target', da: 'Målværdi', kind: 'number' },
  { key: 'targetDate', da: 'Måldato', kind: 'date', width: 12 },
  { key: 'latestValue', da: 'Seneste værdi', kind: 'number' },
  { key: 'latestMeasuredOn', da: 'Seneste måling', kind: 'date', width: 12 },
  { key: 'attainment', da: 'Målopfyldelse', kind: 'number' },
  { key: 'status', da: 'Status', kind: 'enum', values: indicatorStatuses, width: 12 },
]);

export const MEASUREMENTS = layout('Measurements', 'Målinger', [
  { key: 'indicatorRef', da: 'Indikatorreference', kind: 'text', width: 38 },
  { key: 'measuredOn', da: 'Målt den', kind: 'date', width: 12 },
  { key: 'value', da: 'Værdi', kind: 'number' },
  { key: 'note', da: 'Note', kind: 'text', width: 40 },
]);

export const ACTIVITIES = layout('Activities', 'Aktiviteter', [
  { key: 'ref', da: 'Reference', kind: 'text', width: 38 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'description', da: 'Beskrivelse', kind: 'text', width: 40 },
  { key: 'targetGroup', da: 'Målgruppe', kind: 'text', width: 24 },
  { key: 'responsibleParty', da: 'Ansvarlig', kind: 'enum', values: responsibleParties, width: 22 },
  { key: 'focusArea', da: 'Fokusområde', kind: 'text', width: 24 },
  { key: 'startDate', da: 'Startdato', kind: 'date', width: 12 },
  { key: 'endDate', da: 'Slutdato', kind: 'date', width: 12 },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'status', da: 'Status', kind: 'enum', values: activityStatuses, width: 12 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'isStale', da: 'Mangler status', kind: 'boolean' },
]);

export const LINKS = layout('Links', 'Koblinger', [
  { key: 'activityRef', da: 'Aktivitetsreference', kind: 'text', width: 38 },
  { key: 'goalRef', da: 'Målreference', kind: 'text', width: 38 },
  { key: 'weight', da: 'Vægt', kind: 'number' },
  { key: 'share', da: 'Andel', kind: 'number' },
  { key: 'rationale', da: 'Begrundelse', kind: 'text', width: 40 },
]);

export const PROGRESS_ENTRIES = layout('ProgressEntries', 'Statusregistreringer', [
  { key: 'activityRef', da: 'Aktivitetsreference', kind: 'text', width: 38 },
  { key: 'reportedOn', da: 'Rapporteret den', kind: 'date', width: 12 },
  { key: 'percentComplete', da: 'Procent færdig', kind: 'integer' },
  { key: 'status', da: 'Status', kind: 'enum', values: activityStatuses, width: 12 },
  { key: 'participantsReached', da: 'Deltagere nået', kind: 'integer' },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'note', da: 'Note', kind: 'text', width: 40 },
  { key: 'loggedAt', da: 'Registreret', kind: 'timestamp', width: 20 },
]);

/** The CSV tables of GET /exports/plans/{id}/{table}.csv, by their path name. */
export const PLAN_TABLES = {
  goals: GOALS,
  indicators: INDICATORS,
  measurements: MEASUREMENTS,
  activities: ACTIVITIES,
  links: LINKS,
  'progress-entries': PROGRESS_ENTRIES,
} as const;

export type PlanTable = keyof typeof PLAN_TABLES;

/** Columns the import ignores: figures Planspor computes, never typed in. */
export const COMPUTED = {
  Goals: ['progress', 'budget', 'spent'],
  Indicators: ['latestValue', 'latestMeasuredOn', 'attainment', 'status'],
  Activities: ['progress', 'spent', 'isStale'],
  Links: ['share'],
} as const;
