import { describe, it } from 'vitest';
import { SUBSET_SEED, expectCleanSchedules } from './subset';

describe('fault campaign, seeded subset, schedules 1-100 of 200', () => {
  it('no invariant is ever violated', () => expectCleanSchedules(SUBSET_SEED, 100), 120_000);
});
