import { CombinedError } from 'urql';
import { describe, expect, it } from 'vitest';
import { danishMessage, formErrorsOf } from './api-errors';

const apiError = (message: string, extensions: Record<string, unknown>) => new CombinedError({ graphQLErrors: [{ message, extensions }] });

describe('API errors in a form', () => {
  it('puts a BAD_USER_INPUT message beside the field it names, in Danish', () => {
    const errors = formErrorsOf(apiError('percentComplete: must be a whole number from 0 to 100, got 150', { code: 'BAD_USER_INPUT', field: 'percentComplete' }));
    expect(errors).toEqual({ fields: { percentComplete: 'Skal være et helt tal fra 0 til 100.' } });
  });

  it('words the reporting rules: a return without a comment, a date after today', () => {
    const back = formErrorsOf(apiError('comment: is required: say what the plan must change before it submits again', { code: 'BAD_USER_INPUT', field: 'comment' }));
    expect(back.fields).toEqual({ comment: 'Skal udfyldes.' });
    expect(danishMessage('completedOn: 2099-01-01 is after today (2026-12-02)')).toBe('Må ikke ligge efter i dag.');
    expect(danishMessage('parentId: is required for a SUB goal')).toBe('Et effektmål eller delmål skal ligge under et andet mål.');
  });

  it("finds the field of a variable GraphQL itself refused from the message's path", () => {
    const errors = formErrorsOf(
      apiError('Variable "$input" got invalid value "12,5" at "input.spent"; Money must be whole kroner (at most 2^53), got "12,5"', { code: 'BAD_USER_INPUT' }),
    );
    expect(errors.fields).toEqual({ spent: 'Skal være et beløb i hele kroner.' });
  });

  it('gives errors without a field, and every other code, to the whole form', () => {
    expect(formErrorsOf(apiError('Only the plan’s project secretariat may do this', { code: 'FORBIDDEN' }))).toEqual({
      fields: {},
      form: 'Din rolle må ikke gøre dette.',
    });
    expect(formErrorsOf(apiError('stale version', { code: 'CONFLICT' })).form).toMatch(/ændret det samme imens/);
  });

  it('says the server is away when nothing answered, and that the typed values are kept', () => {
    const errors = formErrorsOf(new CombinedError({ networkError: new Error('Failed to fetch') }));
    expect(errors.form).toMatch(/svarer ikke.*gemt i formularen/);
  });

  it('translates the fixed wording of the API and keeps an unknown message readable', () => {
    expect(danishMessage("reportedOn: 2026-01-01 is before the activity's startDate 2026-02-01")).toBe('Må ikke ligge før aktivitetens startdato (2026-02-01).');
    expect(danishMessage('reportedOn: 2027-01-01 is more than 7 days ahead (latest 2026-12-08)')).toBe('Må højst ligge 7 dage ude i fremtiden.');
    expect(danishMessage('title: must not be empty')).toBe('Skal udfyldes.');
    expect(danishMessage('weight: must be positive, got 0')).toBe('Skal være større end 0.');
    expect(danishMessage('note: something entirely new')).toBe('Værdien blev afvist: something entirely new');
  });
});
