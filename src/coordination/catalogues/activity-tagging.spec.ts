import { BadInputError, NotFoundError } from '../../common/errors.js';
import { catalogueName, MAX_PARTNERS, parseActivityTagging } from './activity-tagging.js';

const TYPE = '11111111-1111-4111-8111-111111111111';
const G1 = '22222222-2222-4222-8222-222222222222';
const G2 = '33333333-3333-4333-8333-333333333333';

function refusal(fn: () => unknown): { code: string; field?: unknown; message: string } {
  try {
    fn();
  } catch (error) {
    if (error instanceof BadInputError || error instanceof NotFoundError) {
      return { code: error.code, field: error.details.field, message: error.message };
    }
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('parseActivityTagging', () => {
  it('leaves absent fields absent, so that an update changes only what it names', () => {
    expect(parseActivityTagging({})).toEqual({});
  });

  it('clears with null: no type, and empty sets', () => {
    expect(parseActivityTagging({ activityTypeId: null, targetGroupIds: null, partners: null })).toEqual({
      activityTypeId: null,
      targetGroupIds: [],
      partners: [],
    });
  });

  it('keeps ids lower-cased, in the order given', () => {
    expect(parseActivityTagging({ activityTypeId: TYPE.toUpperCase(), targetGroupIds: [G2, G1] })).toEqual({
      activityTypeId: TYPE,
      targetGroupIds: [G2, G1],
    });
  });

  it('answers NOT_FOUND for an id that cannot exist, naming the field', () => {
    expect(refusal(() => parseActivityTagging({ activityTypeId: 'lektiecafé' }))).toMatchObject({ code: 'NOT_FOUND', field: 'activityTypeId' });
    expect(refusal(() => parseActivityTagging({ targetGroupIds: [G1, 'x'] }))).toMatchObject({ code: 'NOT_FOUND', field: 'targetGroupIds' });
  });

  it('refuses a target group listed twice', () => {
    expect(refusal(() => parseActivityTagging({ targetGroupIds: [G1, G2, G1.toUpperCase()] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'targetGroupIds',
    });
  });

  it('trims partners and makes runs of white space one space', () => {
    expect(parseActivityTagging({ partners: ['  Aarhus   Kommune ', 'SSP\tAarhus'] }).partners).toEqual(['Aarhus Kommune', 'SSP Aarhus']);
  });

  it('takes 20 partners of 200 characters, and no more', () => {
    const twenty = Array.from({ length: MAX_PARTNERS }, (_, i) => `${'x'.repeat(197)}${String(i).padStart(3, '0')}`);
    expect(parseActivityTagging({ partners: twenty }).partners).toHaveLength(20);
    expect(refusal(() => parseActivityTagging({ partners: [...twenty.slice(1), 'y', 'z'] }))).toMatchObject({
      code: 'BAD_USER_INPUT',
      field: 'partners',
      message: 'partners: at most 20 partners, got 21',
    });
    expect(refusal(() => parseActivityTagging({ partners: ['ok', 'x'.repeat(201)] })).message).toBe(
      'partners: partner 2 must be at most 200 characters',
    );
  });

  it('refuses an empty partner, an unstorable one and one listed twice ignoring case', () => {
    expect(refusal(() => parseActivityTagging({ partners: ['Skolen', '   '] })).message).toBe('partners: partner 2 must not be empty');
    expect(refusal(() => parseActivityTagging({ partners: ['a\u0000b'] })).field).toBe('partners');
    expect(refusal(() => parseActivityTagging({ partners: ['Jobcenter Aarhus', 'jobcenter  aarhus'] })).message).toBe(
      'partners: "jobcenter aarhus" is listed twice',
    );
  });
});

describe('catalogueName', () => {
  it('trims and makes runs of white space one space', () => {
    expect(catalogueName('  Lektie-  og \n sprogcafé ')).toBe('Lektie- og sprogcafé');
  });

  it('refuses an empty name and one over 200 characters', () => {
    expect(refusal(() => catalogueName(' \t '))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
    expect(refusal(() => catalogueName('x'.repeat(201)))).toMatchObject({ code: 'BAD_USER_INPUT', field: 'name' });
  });
});
