import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { CombinedError } from 'urql';
import { describe, expect, it, vi } from 'vitest';
import { fakeClient } from '../test/fake-client';
import { LogProgressForm } from './log-progress-form';

const activity = { id: 'a1', title: 'Lektiecafé', status: 'ACTIVE' as const, progress: 52, spent: 610_000 };

describe('"Registrér status"', () => {
  it('shows the API’s refusal beside the field it names, keeps everything typed, and saves on the second try', async () => {
    const refusal = new CombinedError({
      graphQLErrors: [{ message: 'percentComplete: must be a whole number from 0 to 100, got 150', extensions: { code: 'BAD_USER_INPUT', field: 'percentComplete' } }],
    });
    const { calls, wrapper } = fakeClient([
      { error: refusal },
      { data: { logProgress: { id: 'e1', reportedOn: '2026-11-27', percentComplete: 60, activity: { id: 'a1', progress: 60, spent: 680_000, status: 'ACTIVE', isStale: false } } } },
    ]);
    const onSaved = vi.fn();
    render(<LogProgressForm activity={activity} onSaved={onSaved} onCancel={() => {}} />, { wrapper });
    const user = userEvent.setup();

    // Prefilled from the activity: its latest percentage and spend, today's date.
    const percent = screen.getByLabelText('Procent gennemført');
    expect(percent).toHaveProperty('value', '52');
    expect(screen.getByLabelText('Forbrug (kr.)')).toHaveProperty('value', '610000');
    await user.clear(percent);
    await user.type(percent, '150');
    await user.type(screen.getByLabelText('Note'), 'Ny læsegruppe');
    await user.click(screen.getByRole('button', { name: 'Gem' }));

    await waitFor(() => expect(percent.getAttribute('aria-invalid')).toBe('true'));
    const messageId = percent.getAttribute('aria-describedby')!.split(' ').at(-1)!;
    expect(document.getElementById(messageId)?.textContent).toBe('Skal være et helt tal fra 0 til 100.');
    expect(screen.getByLabelText('Note')).toHaveProperty('value', 'Ny læsegruppe');
    expect(onSaved).not.toHaveBeenCalled();

    await user.clear(percent);
    await user.type(percent, '60');
    await user.click(screen.getByRole('button', { name: 'Gem' }));
    await waitFor(() => expect(onSaved).toHaveBeenCalledWith('Status registreret for Lektiecafé: 60 % gennemført.'));

    // Both tries carry the same idempotency key: a lost answer and a retry store the entry once.
    const [first, second] = calls.map((c) => c.input as Record<string, unknown>);
    expect(first!.idempotencyKey).toMatch(/^[0-9a-f]{32}$/);
    expect(second!.idempotencyKey).toBe(first!.idempotencyKey);
    expect(second).toMatchObject({ activityId: 'a1', percentComplete: 60, status: 'ACTIVE', spent: '610000', note: 'Ny læsegruppe', participantsReached: null });
  });

  it('refuses what cannot be sent (a decimal percentage, kroner with øre) without asking the API', async () => {
    const { calls, wrapper } = fakeClient([]);
    render(<LogProgressForm activity={activity} onSaved={() => {}} onCancel={() => {}} />, { wrapper });
    const user = userEvent.setup();
    await user.clear(screen.getByLabelText('Procent gennemført'));
    await user.type(screen.getByLabelText('Procent gennemført'), '45,5');
    await user.clear(screen.getByLabelText('Forbrug (kr.)'));
    await user.type(screen.getByLabelText('Forbrug (kr.)'), '12,50');
    await user.click(screen.getByRole('button', { name: 'Gem' }));
    expect(screen.getByText('Skal være et helt tal.')).toBeTruthy();
    expect(screen.getByText('Skal være et beløb i hele kroner.')).toBeTruthy();
    expect(calls).toHaveLength(0);
  });

  it('shows an error without a field (the activity was cancelled meanwhile) as an alert for the whole form', async () => {
    const { wrapper } = fakeClient([
      {
        error: new CombinedError({
          graphQLErrors: [{ message: 'activityId: the activity is cancelled: progress can no longer be logged', extensions: { code: 'BAD_USER_INPUT', field: 'activityId' } }],
        }),
      },
    ]);
    render(<LogProgressForm activity={activity} onSaved={() => {}} onCancel={() => {}} />, { wrapper });
    await userEvent.setup().click(screen.getByRole('button', { name: 'Gem' }));
    expect((await screen.findByRole('alert')).textContent).toBe('Aktiviteten er aflyst; der kan ikke registreres status på den.');
  });
});
