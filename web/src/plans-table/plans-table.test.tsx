import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { PlansTable } from './plans-table';
import type { PlanRow } from './plans-table-model';

const plan = (id: string, title: string, progress: number, municipality: string): PlanRow =>
  ({
    id,
    title,
    status: 'ACTIVE',
    lbfGrant: 0,
    localCofinancing: 0,
    pool: { id: 'p', name: '2019-26-midlerne' },
    municipality: { id: municipality, name: municipality },
    rollup: {
      activityCount: 2,
      progress,
      budget: 1000,
      spent: 10,
      cofinancingBelowMinimum: false,
      goalsWithoutActivities: [],
      activitiesWithoutGoals: [],
      goalsWithoutIndicators: [],
      staleActivities: [],
      overspentActivities: [],
      attentionReasons: [],
    },
  }) as PlanRow;

const rows = [plan('1', 'Hasselhøj', 61.1, 'Aarhus'), plan('2', 'Lærkehaven', 36.8, 'Aarhus'), plan('3', 'Kongshøj', 56.8, 'København')];

function titles() {
  return within(screen.getByRole('table', { name: 'Planer' }))
    .getAllByRole('rowheader')
    .map((cell) => cell.textContent);
}

describe('the table "Planer"', () => {
  it('sorts by a column with the keyboard, says how in aria-sort, and reverses on a second press', async () => {
    render(
      <MemoryRouter>
        <PlansTable rows={rows} attention={new Set(['2'])} filterable />
      </MemoryRouter>,
    );
    const user = userEvent.setup();
    expect(titles()).toEqual(['Hasselhøj', 'Kongshøj', 'Lærkehaven']);
    const progress = screen.getByRole('button', { name: /^Fremdrift/ });
    progress.focus();
    await user.keyboard('{Enter}');
    expect(progress.closest('th')!.getAttribute('aria-sort')).toBe('descending');
    expect(titles()).toEqual(['Hasselhøj', 'Kongshøj', 'Lærkehaven']);
    await user.keyboard('{Enter}');
    expect(progress.closest('th')!.getAttribute('aria-sort')).toBe('ascending');
    expect(titles()).toEqual(['Lærkehaven', 'Kongshøj', 'Hasselhøj']);
    // The traffic light says it in words.
    const lærkehaven = screen.getByRole('row', { name: /Lærkehaven/ });
    expect(within(lærkehaven).getByText('Kræver opmærksomhed')).toBeTruthy();
  });

  it('filters by municipality and says how many are shown', async () => {
    render(
      <MemoryRouter>
        <PlansTable rows={rows} attention={new Set()} filterable />
      </MemoryRouter>,
    );
    await userEvent.setup().selectOptions(screen.getByLabelText('Kommune'), 'København');
    expect(titles()).toEqual(['Kongshøj']);
    expect(screen.getByRole('status').textContent).toBe('Viser 1 af 3 planer');
  });
});
