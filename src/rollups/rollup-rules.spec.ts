import { ActivityStatus, IndicatorDirection, IndicatorStatus } from '../common/enums.js';
import {
  cofinancing,
  elapsedShare,
  goalProgress,
  indicatorAttainment,
  indicatorStatus,
  isStale,
  planProgress,
  share,
  someLeafLacks,
  someSubtreeLacks,
} from './rollup-rules.js';

const { INCREASE, DECREASE } = IndicatorDirection;

describe('share', () => {
  it('is the weight over all weights of the activity', () => {
    expect(share(2, [2, 1])).toBeCloseTo(2 / 3, 12);
    expect(share(1, [2, 1])).toBeCloseTo(1 / 3, 12);
    expect(share(1, [1])).toBe(1);
    expect(share(0.5, [0.5, 0.5, 1])).toBe(0.25);
  });

  it("an activity's shares sum to 1", () => {
    const weights = [3, 1.5, 0.5];
    expect(weights.reduce((sum, w) => sum + share(w, weights), 0)).toBeCloseTo(1, 12);
  });
});

describe('goalProgress (s_a-weighted mean over the subtree)', () => {
  // A1 links to G2 (weight 2) and G2's child G3 (weight 1); progress 60.
  // A7 links to G3 only (weight 3); progress 100.
  const a1 = { g2: share(2, [2, 1]), g3: share(1, [2, 1]) };

  it('sums the shares of an activity linked to a goal and its child (s_a = 1, not 2)', () => {
    const sA1InG2Subtree = a1.g2 + a1.g3;
    expect(sA1InG2Subtree).toBe(1);
    expect(goalProgress([{ share: sA1InG2Subtree, progress: 60 }])).toBe(60);
  });

  it('weighs each activity by its share of the subtree', () => {
    // G3's subtree: A1 with s = 1/3, A7 with s = 1 → (20 + 100) / (4/3) = 90
    expect(goalProgress([
      { share: a1.g3, progress: 60 },
      { share: 1, progress: 100 },
    ])).toBeCloseTo(90, 10);
  });

  it('counts an activity without entries as 0', () => {
    // G5's subtree: A2 with s = 1/2 at 30 %, A4 with s = 1 and no entries → 15 / 1.5 = 10
    expect(goalProgress([
      { share: 0.5, progress: 30 },
      { share: 1, progress: null },
    ])).toBeCloseTo(10, 10);
  });

  it('is null when no (non-cancelled) activity serves the subtree', () => {
    // Cancelled activities are left out by the caller, as the SQL does.
    expect(goalProgress([])).toBeNull();
  });
});

describe('planProgress (mean over non-cancelled activities)', () => {
  it('counts activities without entries as 0', () => {
    expect(planProgress([60, 30, null, 50, null, 100, 10])).toBeCloseTo(250 / 7, 10);
  });

  it('is null without activities', () => {
    expect(planProgress([])).toBeNull();
  });

  it('is 0 when no activity has reported', () => {
    expect(planProgress([null, null])).toBe(0);
  });
});

describe('indicatorAttainment', () => {
  it('is (latest − baseline) / (target − baseline) for an increasing indicator', () => {
    expect(indicatorAttainment({ baseline: 20, target: 60, direction: INCREASE, latest: 44 })).toBeCloseTo(0.6, 12);
  });

  it('uses the same formula for a decreasing indicator', () => {
    // unemployment 30 % → 20 %; now 28 %: (28 − 30) / (20 − 30) = 0.2
    expect(indicatorAttainment({ baseline: 30, target: 20, direction: DECREASE, latest: 28 })).toBeCloseTo(0.2, 12);
  });

  it('clamps to [0, 1]', () => {
    expect(indicatorAttainment({ baseline: 0, target: 10, direction: INCREASE, latest: 15 })).toBe(1);
    expect(indicatorAttainment({ baseline: 30, target: 20, direction: DECREASE, latest: 35 })).toBe(0);
    expect(indicatorAttainment({ baseline: 30, target: 20, direction: DECREASE, latest: 10 })).toBe(1);
  });

  it('where target equals baseline, is 1 when the latest value meets the target in its direction', () => {
    expect(indicatorAttainment({ baseline: 100, target: 100, direction: INCREASE, latest: 100 })).toBe(1);
    expect(indicatorAttainment({ baseline: 100, target: 100, direction: INCREASE, latest: 101 })).toBe(1);
    expect(indicatorAttainment({ baseline: 100, target: 100, direction: INCREASE, latest: 99 })).toBe(0);
    expect(indicatorAttainment({ baseline: 5, target: 5, direction: DECREASE, latest: 5 })).toBe(1);
    expect(indicatorAttainment({ baseline: 5, target: 5, direction: DECREASE, latest: 4 })).toBe(1);
    expect(indicatorAttainment({ baseline: 5, target: 5, direction: DECREASE, latest: 6 })).toBe(0);
  });

  it('is null without a baseline or without data', () => {
    expect(indicatorAttainment({ baseline: null, target: 50, direction: INCREASE, latest: 12 })).toBeNull();
    expect(indicatorAttainment({ baseline: 10, target: 20, direction: INCREASE, latest: null })).toBeNull();
  });
});

describe('elapsedShare', () => {
  it('is the elapsed fraction of baseline date → target date', () => {
    // 2024-01-01 → 2026-01-01 is 731 days (2024 is a leap year); 546 of them elapsed by 2025-06-30
    expect(elapsedShare({ baselineDate: '2024-01-01', targetDate: '2026-01-01', today: '2025-06-30' })).toBe(546 / 731);
    expect(elapsedShare({ baselineDate: '2025-06-10', targetDate: '2025-09-18', today: '2025-06-30' })).toBe(0.2);
  });

  it('clamps to [0, 1]', () => {
    expect(elapsedShare({ baselineDate: '2025-01-01', targetDate: '2026-01-01', today: '2024-06-01' })).toBe(0);
    expect(elapsedShare({ baselineDate: '2025-01-01', targetDate: '2026-01-01', today: '2027-06-01' })).toBe(1);
  });

  it('is 1 without a baseline date', () => {
    expect(elapsedShare({ baselineDate: null, targetDate: '2030-01-01', today: '2025-06-30' })).toBe(1);
  });

  it('for a zero-length period, is 1 from the target date on and 0 before', () => {
    expect(elapsedShare({ baselineDate: '2025-01-01', targetDate: '2025-01-01', today: '2025-01-01' })).toBe(1);
    expect(elapsedShare({ baselineDate: '2025-01-01', targetDate: '2025-01-01', today: '2024-12-31' })).toBe(0);
  });
});

describe('indicatorStatus', () => {
  const base = { direction: INCREASE, baselineDate: '2025-01-01', targetDate: '2026-01-01', today: '2025-06-30' };

  it('is NO_BASELINE without a baseline, measurements or not', () => {
    expect(indicatorStatus({ ...base, baseline: null, target: 50, latest: 12 })).toBe(IndicatorStatus.NO_BASELINE);
    expect(indicatorStatus({ ...base, baseline: null, target: 50, latest: null })).toBe(IndicatorStatus.NO_BASELINE);
  });

  it('is NO_DATA with a baseline but no measurement', () => {
    expect(indicatorStatus({ ...base, baseline: 10, target: 20, latest: null })).toBe(IndicatorStatus.NO_DATA);
  });

  it('is ON_TRACK when attainment ≥ elapsed − 0.15', () => {
    // attainment 0.6, elapsed 546/731 ≈ 0.747 → threshold ≈ 0.597
    expect(indicatorStatus({ ...base, baseline: 20, target: 60, latest: 44, baselineDate: '2024-01-01' })).toBe(
      IndicatorStatus.ON_TRACK,
    );
  });

  it('is OFF_TRACK below that (decreasing indicator)', () => {
    // attainment 0.2, elapsed 180/365 ≈ 0.493 → threshold ≈ 0.343
    expect(indicatorStatus({ ...base, direction: DECREASE, baseline: 30, target: 20, latest: 28 })).toBe(
      IndicatorStatus.OFF_TRACK,
    );
  });

  it('counts exactly at the threshold as on track, despite floating point', () => {
    // attainment 0.05, elapsed 0.2: in doubles 0.2 − 0.15 is slightly above 0.05
    const atThreshold = { ...base, baseline: 0, target: 100, latest: 5, baselineDate: '2025-06-10', targetDate: '2025-09-18' };
    expect(indicatorStatus(atThreshold)).toBe(IndicatorStatus.ON_TRACK);
    expect(indicatorStatus({ ...atThreshold, latest: 4.99 })).toBe(IndicatorStatus.OFF_TRACK);
  });

  it('is ON_TRACK early in the period even at attainment 0 (clamped from below)', () => {
    // baseline 30 → 20, now 35: attainment 0; elapsed 29/365 ≈ 0.08 → threshold < 0
    expect(indicatorStatus({
      direction: DECREASE, baseline: 30, target: 20, latest: 35,
      baselineDate: '2025-06-01', targetDate: '2026-06-01', today: '2025-06-30',
    })).toBe(IndicatorStatus.ON_TRACK);
  });

  it('holds an indicator without baseline date to 0.85 (elapsed share 1)', () => {
    const noDate = { ...base, baseline: 0, target: 10, baselineDate: null };
    expect(indicatorStatus({ ...noDate, latest: 9 })).toBe(IndicatorStatus.ON_TRACK);
    expect(indicatorStatus({ ...noDate, latest: 8.5 })).toBe(IndicatorStatus.ON_TRACK);
    expect(indicatorStatus({ ...noDate, latest: 8 })).toBe(IndicatorStatus.OFF_TRACK);
  });

  it('target equal to baseline: met is ON_TRACK, missed after the target date is OFF_TRACK', () => {
    const flat = { direction: DECREASE, baseline: 5, target: 5, baselineDate: '2025-01-01', targetDate: '2025-01-01', today: '2025-06-30' };
    expect(indicatorStatus({ ...flat, latest: 5 })).toBe(IndicatorStatus.ON_TRACK);
    expect(indicatorStatus({ ...flat, latest: 6 })).toBe(IndicatorStatus.OFF_TRACK);
    // before the (zero-length) period ends nothing is expected yet
    expect(indicatorStatus({ ...flat, latest: 6, today: '2024-12-31' })).toBe(IndicatorStatus.ON_TRACK);
  });
});

describe('isStale', () => {
  const base = {
    status: ActivityStatus.ACTIVE,
    startDate: '2024-01-01',
    latestReportedOn: '2025-06-01' as string | null,
    reportingIntervalDays: 90,
    today: '2025-06-30',
  };

  it('is false with a recent entry', () => {
    expect(isStale(base)).toBe(false);
  });

  it('is false with an entry exactly `interval` days old (2025-04-01 is 90 days before 2025-06-30)', () => {
    expect(isStale({ ...base, latestReportedOn: '2025-04-01' })).toBe(false);
  });

  it('is true one day later', () => {
    expect(isStale({ ...base, latestReportedOn: '2025-03-31' })).toBe(true);
  });

  it('is true without entries once started', () => {
    expect(isStale({ ...base, status: ActivityStatus.PLANNED, latestReportedOn: null })).toBe(true);
  });

  it('is false until the start date has passed (start today is not passed)', () => {
    expect(isStale({ ...base, startDate: '2025-06-30', latestReportedOn: null })).toBe(false);
    expect(isStale({ ...base, startDate: '2025-06-29', latestReportedOn: null })).toBe(true);
  });

  it('is false for paused, completed and cancelled activities', () => {
    for (const status of [ActivityStatus.PAUSED, ActivityStatus.COMPLETED, ActivityStatus.CANCELLED]) {
      expect(isStale({ ...base, status, latestReportedOn: null })).toBe(false);
    }
  });

  it("follows the plan's interval", () => {
    expect(isStale({ ...base, latestReportedOn: '2025-05-31', reportingIntervalDays: 30 })).toBe(false);
    expect(isStale({ ...base, latestReportedOn: '2025-05-30', reportingIntervalDays: 30 })).toBe(true);
  });
});

describe('cofinancing', () => {
  it('is local / (grant + local); exactly the minimum is not below it', () => {
    expect(cofinancing({ lbfGrant: 3_000_000, localCofinancing: 1_000_000, minShare: 0.25 })).toEqual({
      share: 0.25,
      belowMinimum: false,
    });
  });

  it('flags a share under the minimum', () => {
    expect(cofinancing({ lbfGrant: 800_000, localCofinancing: 200_000, minShare: 0.25 })).toEqual({
      share: 0.2,
      belowMinimum: true,
    });
  });

  it('is 0, and below a positive minimum, when there is no money at all', () => {
    expect(cofinancing({ lbfGrant: 0, localCofinancing: 0, minShare: 0.25 })).toEqual({ share: 0, belowMinimum: true });
    expect(cofinancing({ lbfGrant: 0, localCofinancing: 0, minShare: 0 })).toEqual({ share: 0, belowMinimum: false });
  });
});

describe('goals without activities or indicators: the subtree walk and the leaves agree', () => {
  // R ─ E1 ─ S1, R ─ E2: the leaves are S1 and E2.
  const tree = [
    { id: 'R', parentId: null },
    { id: 'E1', parentId: 'R' },
    { id: 'S1', parentId: 'E1' },
    { id: 'E2', parentId: 'R' },
  ];

  it('finds a goal lacking one exactly when a leaf lacks one', () => {
    for (const has of [new Set(['S1', 'E2']), new Set(['R', 'E1']), new Set(['S1']), new Set<string>(), new Set(['S1', 'E2', 'R'])]) {
      expect({ has: [...has], leaf: someLeafLacks(tree, has) }).toEqual({ has: [...has], leaf: someSubtreeLacks(tree, has) });
    }
    // Served at both leaves: every goal's subtree is served, though R and E1 have no link of their own.
    expect(someSubtreeLacks(tree, new Set(['S1', 'E2']))).toBe(false);
    // Served at R only: S1 (and E1, E2) lack one.
    expect(someSubtreeLacks(tree, new Set(['R']))).toBe(true);
  });

  it('agrees on 2,000 random forests', () => {
    let seed = 7;
    const random = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let run = 0; run < 2000; run++) {
      const goals = Array.from({ length: 1 + Math.floor(random() * 12) }, (_, i) => ({
        id: `g${i}`,
        // A parent among the goals before it: a forest, never a cycle.
        parentId: i > 0 && random() < 0.8 ? `g${Math.floor(random() * i)}` : null,
      }));
      const has = new Set(goals.filter(() => random() < 0.5).map((g) => g.id));
      expect(someLeafLacks(goals, has)).toBe(someSubtreeLacks(goals, has));
    }
  });
});
