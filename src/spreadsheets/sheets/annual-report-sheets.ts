import { IndicatorDirection, IndicatorStatus, ResponsibleParty } from '../../common/enums.js';
import { layout } from './sheet-layout.js';

/**
 * The annual report workbook (GET /exports/plans/{planId}/annual-reports/{year}.xlsx): what
 * `annualReport` returns, the fields of AnnualIndicatorRow, AnnualActivityRow, AnnualFinances (one
 * row) and Milestone as columns, nested objects by id and the focus area by name.
 */
export const ANNUAL_INDICATORS = layout('Indicators', 'Indikatorer', [
  { key: 'indicatorId', da: 'Indikator-id', kind: 'text', width: 38 },
  { key: 'goalId', da: 'Mål-id', kind: 'text', width: 38 },
  { key: 'name', da: 'Navn', kind: 'text', width: 36 },
  { key: 'unit', da: 'Enhed', kind: 'text', width: 10 },
  { key: 'direction', da: 'Retning', kind: 'enum', values: Object.values(IndicatorDirection), width: 12 },
  { key: 'baseline', da: 'Udgangspunkt', kind: 'number' },
  { key: 'baselineDate', da: 'Udgangspunktsdato', kind: 'date', width: 12 },
  { key: 'target', da: 'Målværdi', kind: 'number' },
  { key: 'targetDate', da: 'Måldato', kind: 'date', width: 12 },
  { key: 'value', da: 'Værdi', kind: 'number' },
  { key: 'measuredOn', da: 'Målt den', kind: 'date', width: 12 },
  { key: 'attainment', da: 'Målopfyldelse', kind: 'number' },
  { key: 'status', da: 'Status', kind: 'enum', values: Object.values(IndicatorStatus), width: 12 },
  { key: 'comment', da: 'Kommentar', kind: 'text', width: 40 },
]);

export const ANNUAL_ACTIVITIES = layout('Activities', 'Aktiviteter', [
  { key: 'activityId', da: 'Aktivitets-id', kind: 'text', width: 38 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'responsibleParty', da: 'Ansvarlig', kind: 'enum', values: Object.values(ResponsibleParty), width: 22 },
  { key: 'focusArea', da: 'Fokusområde', kind: 'text', width: 24 },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'spentInYear', da: 'Forbrug i året', kind: 'money', width: 14 },
  { key: 'participantsReached', da: 'Deltagere nået', kind: 'integer' },
  { key: 'entriesInYear', da: 'Statusregistreringer i året', kind: 'integer' },
]);

export const ANNUAL_FINANCES = layout('Finances', 'Økonomi', [
  { key: 'lbfGrant', da: 'LBF-bevilling', kind: 'money', width: 14 },
  { key: 'localCofinancing', da: 'Lokal medfinansiering', kind: 'money', width: 14 },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'spentInYear', da: 'Forbrug i året', kind: 'money', width: 14 },
]);

export const ANNUAL_MILESTONES = layout('Milestones', 'Milepæle', [
  { key: 'milestoneId', da: 'Milepæls-id', kind: 'text', width: 38 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'dueDate', da: 'Frist', kind: 'date', width: 12 },
  { key: 'completedOn', da: 'Gennemført den', kind: 'date', width: 12 },
  { key: 'isOverdue', da: 'Overskredet', kind: 'boolean' },
  { key: 'activityId', da: 'Aktivitets-id', kind: 'text', width: 38 },
  { key: 'goalId', da: 'Mål-id', kind: 'text', width: 38 },
]);
