/**
 * A refusal of the spreadsheet endpoints that has no domain error of its own: a body too large
 * (413) or not a workbook (400). Answered in the same JSON shape as domain errors.
 */
export class HttpRefusal extends Error {
  constructor(
    readonly status: 400 | 413,
    readonly code: 'BAD_USER_INPUT' | 'PAYLOAD_TOO_LARGE',
    message: string,
    readonly field?: string,
  ) {
    super(message);
  }
}

export const tooLarge = (message: string, field = 'file') => new HttpRefusal(413, 'PAYLOAD_TOO_LARGE', message, field);
export const notAWorkbook = (message: string, field = 'file') => new HttpRefusal(400, 'BAD_USER_INPUT', message, field);
