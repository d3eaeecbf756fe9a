import { RawJson, stringifyResult } from './raw-json.js';

describe('stringifyResult', () => {
  it('writes what Apollo writes when no value is raw', () => {
    const result = { data: { plan: { id: 'a', n: [1, 2.5, null] } }, errors: [{ message: 'x' }], extensions: { k: true } };
    expect(stringifyResult(result)).toBe(`${JSON.stringify(result)}\n`);
    expect(stringifyResult({ errors: [{ message: 'no data' }] })).toBe('{"errors":[{"message":"no data"}]}\n');
  });

  it('puts a raw root field in as its text, keeping the other fields, errors and extensions', () => {
    const text = '{"id" : "a", "goals" : [{"id" : "g"}, \n {"id" : "h"}]}';
    const written = stringifyResult({
      data: { page: new RawJson(text), other: { x: 1 }, gone: undefined },
      errors: undefined,
      extensions: { cost: 3 },
    } as never);
    expect(written).toBe(`{"data":{"page":${text},"other":{"x":1}},"extensions":{"cost":3}}\n`);
    expect(JSON.parse(written)).toEqual({ data: { page: JSON.parse(text), other: { x: 1 } }, extensions: { cost: 3 } });
  });

  it('quotes a response key as JSON does', () => {
    expect(stringifyResult({ data: { 'a"b': new RawJson('null') } })).toBe('{"data":{"a\\"b":null}}\n');
  });
});
