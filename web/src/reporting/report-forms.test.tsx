import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../test/fake-client';
import type { AnnualReportData } from './annual-report-page';
import { ReviewForm, SubmitForm } from './report-forms';

function report(status: AnnualReportData['period']['status']): AnnualReportData {
  return {
    asOf: '2025-12-31',
    comment: null,
    period: {
      year: 2025,
      startDate: '2025-01-01',
      endDate: '2025-12-31',
      dueDate: '2026-06-30',
      status,
      isLate: false,
      submittedAt: null,
      submittedBy: null,
      events: [],
      plan: { id: 'p1', title: 'Plan', areaSecretariat: null },
    },
    indicators: [
      {
        indicator: { id: 'i1' },
        goal: { id: 'g1', title: 'Mål' },
        name: 'Tryghed',
        unit: '%',
        direction: 'INCREASE',
        baseline: 60,
        target: 70,
        targetDate: '2027-06-30',
        value: 65,
        measuredOn: '2025-11-01',
        attainment: 0.5,
        status: 'ON_TRACK',
        comment: null,
      },
    ],
    activities: [],
    finances: { lbfGrant: 1, localCofinancing: 1, budget: 1, spent: 0, spentInYear: 0 },
    milestones: [],
  } as AnnualReportData;
}

const period = (status: string) => ({ year: 2025, status, isLate: false, submittedAt: null, events: [] });

describe('"Godkend" and "Send tilbage"', () => {
  it('sends back only with a comment: the API’s refusal stands beside "Kommentar", the second try returns it', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [{ message: 'comment: is required: say what the plan must change before it submits again', extensions: { code: 'BAD_USER_INPUT', field: 'comment' } }],
    });
    const { calls, wrapper } = fakeClient([{ error: refusal }, { data: { returnAnnualReport: period('RETURNED') } }]);
    const onSaved = vi.fn();
    render(<ReviewForm report={report('SUBMITTED')} onSaved={onSaved} />, { wrapper });
    const user = userEvent.setup();
    await user.click(screen.getByRole('button', { name: 'Send tilbage' }));
    const comment = screen.getByLabelText('Kommentar');
    await waitFor(() => expect(comment.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(comment.getAttribute('aria-describedby')!.split(' ').at(-1)!)?.textContent).toBe('Skal udfyldes.');
    expect(calls[0]).toEqual({ input: { planId: 'p1', year: 2025, comment: null } });

    await user.type(comment, 'Mangler baseline');
    await user.click(screen.getByRole('button', { name: 'Send tilbage' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Årsrapporten for 2025 er sendt tilbage til sekretariatet.'));
    expect(calls[1]).toEqual({ input: { planId: 'p1', year: 2025, comment: 'Mangler baseline' } });
  });

  it('offers "Godkend" for a submitted report only; an approved one can only be sent back', () => {
    const { wrapper } = fakeClient([]);
    const { unmount } = render(<ReviewForm report={report('SUBMITTED')} onSaved={() => {}} />, { wrapper });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Godkend', 'Send tilbage']);
    unmount();
    render(<ReviewForm report={report('APPROVED')} onSaved={() => {}} />, { wrapper });
    expect(screen.getAllByRole('button').map((b) => b.textContent)).toEqual(['Send tilbage']);
  });
});

describe('"Indsend"', () => {
  it('sends the comment and the indicator comments that were written, none for the empty ones', async () => {
    const { calls, wrapper } = fakeClient([{ data: { submitAnnualReport: period('SUBMITTED') } }]);
    const onSaved = vi.fn();
    render(<SubmitForm report={report('OPEN')} onSaved={onSaved} />, { wrapper });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Kommentar'), 'Et godt år');
    await user.click(screen.getByRole('button', { name: 'Indsend' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalled());
    expect(calls[0]).toEqual({ input: { planId: 'p1', year: 2025, comment: 'Et godt år', indicatorComments: [] } });
  });

  it('puts a refusal naming the year (the period has not ended) on the whole form', async () => {
    const refusal = new CombinedError({ graphQLErrors: [{ message: 'year: the period 2025 has not ended', extensions: { code: 'BAD_USER_INPUT', field: 'year' } }] });
    const { wrapper } = fakeClient([{ error: refusal }]);
    render(<SubmitForm report={report('OPEN')} onSaved={() => {}} />, { wrapper });
    const user = userEvent.setup();
    await user.type(screen.getByLabelText('Kommentar til Tryghed'), 'Målt i november');
    await user.click(screen.getByRole('button', { name: 'Indsend' }));
    await screen.findByRole('alert');
    expect(screen.getByLabelText('Kommentar til Tryghed')).toHaveProperty('value', 'Målt i november');
  });
});
