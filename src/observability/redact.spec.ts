import { REDACTED, redact, redactText } from './redact.js';

describe('log redaction', () => {
  it('replaces secret keys at any depth and in any spelling', () => {
    const out = redact({
      req: { headers: { authorization: 'Bearer abc.def.ghi', 'content-type': 'application/json', Cookie: 'a=b' } },
      variables: { input: { email: 'a@b.dk', password: 'hunter22', newPassword: 'x', current_password: 'y' } },
      payload: [{ accessToken: 't1', refresh_token: 't2' }],
    }) as any;
    expect(out.req.headers).toEqual({ authorization: REDACTED, 'content-type': 'application/json', Cookie: REDACTED });
    expect(out.variables.input).toEqual({ email: 'a@b.dk', password: REDACTED, newPassword: REDACTED, current_password: REDACTED });
    expect(out.payload).toEqual([{ accessToken: REDACTED, refresh_token: REDACTED }]);
  });

  it('scrubs tokens out of plain text', () => {
    const jwt = 'eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiIxIn0.c2lnbmF0dXJl';
    expect(redactText(`token ${jwt} rejected`)).toBe(`token ${REDACTED} rejected`);
    expect(redactText('sent Authorization: Bearer s3cr3t-value')).toBe(`sent Authorization: Bearer ${REDACTED}`);
    expect(redactText('nothing secret here')).toBe('nothing secret here');
  });

  it('survives cycles and keeps errors readable', () => {
    const a: Record<string, unknown> = { name: 'a' };
    a.self = a;
    expect(redact(a)).toEqual({ name: 'a', self: '[Circular]' });
    const error = redact(new Error('boom')) as Record<string, unknown>;
    expect(error.message).toBe('boom');
    expect(error.type).toBe('Error');
  });
});
