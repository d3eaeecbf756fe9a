import { type MouseEvent, useState } from 'react';
import { useSession } from '../auth/session';
import { fileNameOf, httpErrorMessage } from './http-errors';

interface Props {
  /** A spreadsheet endpoint of the app, e.g. `/exports/plans/{id}.xlsx`. */
  href: string;
  children?: string;
  /** Tells the links of a page apart for screen readers ("Download Excel" twice is ambiguous). */
  description?: string;
}

/**
 * A link to a spreadsheet endpoint. The endpoints want the Bearer token, which a plain link cannot
 * send (the token is never a cookie), so a click fetches the file with it and hands the browser a
 * Blob to save under the server's file name. The address stays a real link for "copy link".
 */
export function DownloadLink({ href, children = 'Download Excel', description }: Props) {
  const { fetchWithToken } = useSession();
  const [state, setState] = useState<{ busy: boolean; error?: string }>({ busy: false });

  async function download(event: MouseEvent<HTMLAnchorElement>) {
    event.preventDefault();
    if (state.busy) return;
    setState({ busy: true });
    try {
      const response = await fetchWithToken(href);
      if (!response.ok) return setState({ busy: false, error: await httpErrorMessage(response) });
      const url = URL.createObjectURL(await response.blob());
      const a = document.createElement('a');
      a.href = url;
      a.download = fileNameOf(response, href);
      document.body.append(a);
      a.click();
      a.remove();
      setTimeout(() => URL.revokeObjectURL(url), 60_000);
      setState({ busy: false });
    } catch {
      setState({ busy: false, error: 'Planspor svarer ikke. Tjek forbindelsen, og prøv igen.' });
    }
  }

  return (
    <span className="download">
      <a href={href} onClick={download} className="download__link" aria-busy={state.busy} aria-description={description}>
        {children}
      </a>
      {state.busy && <span className="muted"> henter …</span>}
      {state.error && (
        <span className="field__error" role="alert">
          {' '}
          {state.error}
        </span>
      )}
    </span>
  );
}
