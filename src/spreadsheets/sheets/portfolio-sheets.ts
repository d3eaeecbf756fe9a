import { ActivityStatus, PlanStatus, ResponsibleParty } from '../../common/enums.js';
import { layout } from './sheet-layout.js';

/** The national (LBF) and area secretariat workbooks: the same four sheets over their plans. */
export const PLANS = layout('Plans', 'Planer', [
  { key: 'planId', da: 'Plan-id', kind: 'text', width: 38 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'pool', da: 'Pulje', kind: 'text', width: 24 },
  { key: 'municipality', da: 'Kommune', kind: 'text', width: 18 },
  { key: 'municipalityCode', da: 'Kommunekode', kind: 'text', width: 8 },
  { key: 'areaSecretariat', da: 'Områdesekretariat', kind: 'text', width: 28 },
  { key: 'status', da: 'Status', kind: 'enum', values: Object.values(PlanStatus), width: 12 },
  { key: 'startDate', da: 'Startdato', kind: 'date', width: 12 },
  { key: 'endDate', da: 'Slutdato', kind: 'date', width: 12 },
  { key: 'lbfGrant', da: 'LBF-bevilling', kind: 'money', width: 14 },
  { key: 'localCofinancing', da: 'Lokal medfinansiering', kind: 'money', width: 14 },
  { key: 'cofinancingShare', da: 'Medfinansieringsandel', kind: 'number' },
  { key: 'cofinancingBelowMinimum', da: 'Medfinansiering under minimum', kind: 'boolean' },
  { key: 'activityCount', da: 'Antal aktiviteter', kind: 'integer' },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
  { key: 'goalsWithoutActivities', da: 'Mål uden aktiviteter', kind: 'integer' },
  { key: 'activitiesWithoutGoals', da: 'Aktiviteter uden mål', kind: 'integer' },
  { key: 'goalsWithoutIndicators', da: 'Mål uden indikatorer', kind: 'integer' },
  { key: 'staleActivities', da: 'Aktiviteter uden status', kind: 'integer' },
  { key: 'needsAttention', da: 'Kræver opmærksomhed', kind: 'boolean' },
  { key: 'lateReports', da: 'Forsinkede rapporter', kind: 'integer' },
]);

export const FOCUS_AREAS = layout('FocusAreas', 'Fokusområder', [
  { key: 'focusAreaId', da: 'Fokusområde-id', kind: 'text', width: 38 },
  { key: 'focusArea', da: 'Fokusområde', kind: 'text', width: 28 },
  { key: 'pool', da: 'Pulje', kind: 'text', width: 24 },
  { key: 'activityCount', da: 'Antal aktiviteter', kind: 'integer' },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
]);

export const MUNICIPALITIES = layout('Municipalities', 'Kommuner', [
  { key: 'municipalityId', da: 'Kommune-id', kind: 'text', width: 38 },
  { key: 'municipality', da: 'Kommune', kind: 'text', width: 18 },
  { key: 'code', da: 'Kommunekode', kind: 'text', width: 8 },
  { key: 'planCount', da: 'Antal planer', kind: 'integer' },
  { key: 'lbfGrant', da: 'LBF-bevilling', kind: 'money', width: 14 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
]);

export const PORTFOLIO_ACTIVITIES = layout('Activities', 'Aktiviteter', [
  { key: 'activityId', da: 'Aktivitet-id', kind: 'text', width: 38 },
  { key: 'planId', da: 'Plan-id', kind: 'text', width: 38 },
  { key: 'plan', da: 'Plan', kind: 'text', width: 36 },
  { key: 'title', da: 'Titel', kind: 'text', width: 40 },
  { key: 'status', da: 'Status', kind: 'enum', values: Object.values(ActivityStatus), width: 12 },
  { key: 'responsibleParty', da: 'Ansvarlig', kind: 'enum', values: Object.values(ResponsibleParty), width: 22 },
  { key: 'focusArea', da: 'Fokusområde', kind: 'text', width: 24 },
  { key: 'startDate', da: 'Startdato', kind: 'date', width: 12 },
  { key: 'endDate', da: 'Slutdato', kind: 'date', width: 12 },
  { key: 'budget', da: 'Budget', kind: 'money', width: 14 },
  { key: 'progress', da: 'Fremdrift', kind: 'number' },
  { key: 'spent', da: 'Forbrug', kind: 'money', width: 14 },
  { key: 'isStale', da: 'Mangler status', kind: 'boolean' },
]);
