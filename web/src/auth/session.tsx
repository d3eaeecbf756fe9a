import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { SessionUserFragment } from '../gql/graphql';
import { createApiClient } from '../graphql/client';
import { formErrorsOf, type FormErrors } from '../graphql/api-errors';
import type { CombinedError } from 'urql';
import { loginMutation, meQuery } from './session.graphql';

export type SessionUser = SessionUserFragment;

interface Session {
  status: 'anonymous' | 'signedIn';
  user: SessionUser | null;
  /** Why the person was signed out without asking (an expired token), shown on the login form. */
  notice: string | null;
  login(email: string, password: string): Promise<FormErrors | null>;
  logout(notice?: string): void;
  /** A plain HTTP call to the app (downloads, imports) with the session's Bearer token. */
  fetchWithToken(path: string, init?: RequestInit): Promise<Response>;
}

const SessionContext = createContext<Session | null>(null);

// sessionStorage: the token lives as long as the tab, and is gone when it is closed. The user is kept
// beside it so that a reload shows the page at once; `me` confirms the token in the background.
const SESSION_KEY = 'planspor.session';

interface Stored {
  token: string;
  user: SessionUser;
}

function readStored(): Stored | null {
  try {
    const raw = sessionStorage.getItem(SESSION_KEY);
    return raw ? (JSON.parse(raw) as Stored) : null;
  } catch {
    return null;
  }
}

function writeStored(stored: Stored | null): void {
  try {
    if (stored) sessionStorage.setItem(SESSION_KEY, JSON.stringify(stored));
    else sessionStorage.removeItem(SESSION_KEY);
  } catch {
    // Storage refused (private mode): the session then lasts until the page is reloaded.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const [stored] = useState(readStored);
  const token = useRef<string | null>(stored?.token ?? null);
  // A new client (and so an empty cache) for every person who signs in: nothing of the last one is kept.
  const [generation, setGeneration] = useState(0);
  const client = useMemo(() => createApiClient(() => token.current), [generation]);
  const [user, setUser] = useState<SessionUser | null>(stored?.user ?? null);
  const [status, setStatus] = useState<Session['status']>(stored ? 'signedIn' : 'anonymous');
  const [confirmed, setConfirmed] = useState(!stored);
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback((why?: string) => {
    token.current = null;
    writeStored(null);
    setUser(null);
    setStatus('anonymous');
    setNotice(why ?? null);
    setGeneration((g) => g + 1);
  }, []);

  // A kept session is shown at once and confirmed here: a token that expired or was revoked signs out.
  useEffect(() => {
    if (confirmed) return;
    let live = true;
    void client
      .query(meQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        setConfirmed(true);
        if (result.data) {
          setUser(result.data.me);
          if (token.current) writeStored({ token: token.current, user: result.data.me });
        } else if (result.error?.graphQLErrors.some((e) => e.extensions?.code === 'UNAUTHENTICATED')) {
          logout('Du er blevet logget ud. Log ind igen.');
        }
      });
    return () => {
      live = false;
    };
  }, [client, confirmed, logout]);

  const login = useCallback(
    async (email: string, password: string): Promise<FormErrors | null> => {
      const result = await client.mutation(loginMutation, { email, password }).toPromise();
      if (!result.data) return loginErrorsOf(result.error);
      token.current = result.data.login.accessToken;
      writeStored({ token: token.current, user: result.data.login.user });
      setNotice(null);
      setUser(result.data.login.user);
      setStatus('signedIn');
      setGeneration((g) => g + 1);
      return null;
    },
    [client],
  );

  const fetchWithToken = useCallback(async (path: string, init: RequestInit = {}): Promise<Response> => {
    const headers = new Headers(init.headers);
    if (token.current) headers.set('authorization', `Bearer ${token.current}`);
    const response = await fetch(path, { ...init, headers, credentials: 'omit' });
    if (response.status === 401) logout('Du er blevet logget ud. Log ind igen.');
    return response;
  }, [logout]);

  const session = useMemo<Session>(
    () => ({ status, user, notice, login, logout, fetchWithToken }),
    [status, user, notice, login, logout, fetchWithToken],
  );
  return (
    <SessionContext.Provider value={session}>
      <UrqlProvider value={client}>{children}</UrqlProvider>
    </SessionContext.Provider>
  );
}

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession outside SessionProvider');
  return session;
}

/** The signed-in user; only under a route that requires one. */
export function useUser(): SessionUser {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}

/** A refused login says so plainly; it never tells which of the two was wrong. */
function loginErrorsOf(error: CombinedError | undefined): FormErrors {
  const code = error?.graphQLErrors[0]?.extensions?.code;
  if (code === 'UNAUTHENTICATED') return { fields: {}, form: 'Forkert e-mail eller adgangskode.' };
  const errors = formErrorsOf(error);
  return { fields: {}, form: errors.form ?? Object.values(errors.fields)[0] ?? 'Login mislykkedes. Prøv igen.' };
}
