import { useEffect } from 'react';
import type { CombinedError } from 'urql';
import { useSession } from '../auth/session';
import { pageErrorOf } from '../graphql/api-errors';
import { usePageTitle } from './page-title';

export function Loading({ what }: { what: string }) {
  return (
    <p className="loading" role="status">
      Henter {what} …
    </p>
  );
}

/** A page whose query failed: not found, signed out (then back to the login form), or another error. */
export function PageError({ error }: { error: CombinedError }) {
  const { logout } = useSession();
  const { notFound, unauthenticated, message } = pageErrorOf(error);
  useEffect(() => {
    if (unauthenticated) logout('Du er blevet logget ud. Log ind igen.');
  }, [unauthenticated, logout]);
  usePageTitle(notFound ? 'Ikke fundet' : 'Fejl');
  return (
    <>
      <h1 tabIndex={-1}>{notFound ? 'Siden findes ikke' : 'Siden kunne ikke vises'}</h1>
      <p role="alert">{message}</p>
    </>
  );
}

export function NotFoundPage() {
  usePageTitle('Ikke fundet');
  return (
    <>
      <h1 tabIndex={-1}>Siden findes ikke</h1>
      <p>Adressen findes ikke i Planspor.</p>
    </>
  );
}
