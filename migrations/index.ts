import { Initial1764220000000 } from './1764220000000-Initial.js';
import { AuditTrail1764400000000 } from './1764400000000-AuditTrail.js';
import { LatestProgressFigures1764500000000 } from './1764500000000-LatestProgressFigures.js';
import { LatestProgressOnInsert1764600000000 } from './1764600000000-LatestProgressOnInsert.js';
import { AnnualReporting1764700000000 } from './1764700000000-AnnualReporting.js';
import { Milestones1764700100000 } from './1764700100000-Milestones.js';
import { IndicatorRevisions1764700200000 } from './1764700200000-IndicatorRevisions.js';
import { Retractions1764710000000 } from './1764710000000-Retractions.js';
import { GoalLinkCounts1764711000000 } from './1764711000000-GoalLinkCounts.js';
import { Coordination1764720000000 } from './1764720000000-Coordination.js';
import { Accounts1764730000000 } from './1764730000000-Accounts.js';
import { PlanFigures1764800000000 } from './1764800000000-PlanFigures.js';

/** Every migration, oldest first. Listed explicitly so the app, the CLI and the tests agree. */
export const migrations = [
  Initial1764220000000,
  AuditTrail1764400000000,
  LatestProgressFigures1764500000000,
  LatestProgressOnInsert1764600000000,
  AnnualReporting1764700000000,
  Milestones1764700100000,
  IndicatorRevisions1764700200000,
  Retractions1764710000000,
  GoalLinkCounts1764711000000,
  Coordination1764720000000,
  Accounts1764730000000,
  PlanFigures1764800000000,
];
