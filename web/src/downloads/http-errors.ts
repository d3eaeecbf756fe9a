import { danishMessage } from '../graphql/api-errors';

/** The spreadsheet endpoints answer errors as `{ "error": { "code", "message", "field" } }`. */
export interface HttpError {
  code: string;
  message: string;
  field?: string;
}

const STATUS_MESSAGES: Record<number, string> = {
  401: 'Du er ikke logget ind længere. Log ind igen.',
  403: 'Din rolle må ikke gøre dette.',
  404: 'Det findes ikke, eller du har ikke adgang til det.',
  413: 'Filen er for stor (højst 5 MB). Del importen op i flere filer.',
};

/** One Danish sentence for a refused HTTP call, from its JSON body when it has one. */
export async function httpErrorMessage(response: Response): Promise<string> {
  const known = STATUS_MESSAGES[response.status];
  if (known) return known;
  try {
    const body = (await response.json()) as { error?: HttpError };
    if (body.error?.message) return danishMessage(body.error.message);
  } catch {
    // Not JSON: fall through to the generic sentence.
  }
  return response.status >= 500 ? 'Planspor er midlertidigt utilgængelig. Prøv igen om lidt.' : 'Det lykkedes ikke. Prøv igen.';
}

/** The file name a download should get: the server's Content-Disposition, else the path's last part. */
export function fileNameOf(response: Response, path: string): string {
  const disposition = response.headers.get('content-disposition') ?? '';
  const star = disposition.match(/filename\*=UTF-8''([^;]+)/i)?.[1];
  if (star) return decodeURIComponent(star);
  const plain = disposition.match(/filename="?([^";]+)"?/i)?.[1];
  if (plain) return plain;
  return decodeURIComponent(path.split('?')[0]!.split('/').pop() || 'planspor.xlsx');
}
