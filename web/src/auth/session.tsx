import { createContext, type ReactNode, useCallback, useContext, useEffect, useMemo, useRef, useState } from 'react';
import { Provider as UrqlProvider } from 'urql';
import type { SessionUserFragment } from '../gql/graphql';
import { createApiClient } from '../graphql/client';
import { formErrorsOf, type FormErrors } from '../graphql/api-errors';
import type { CombinedError } from 'urql';
import { loginMutation, meQuery } from './session.graphql';

export type SessionUser = SessionUserFragment;

interface Session {
  status: 'loading' | 'anonymous' | 'signedIn';
  user: SessionUser | null;
  /** Why the person was signed out without asking (an expired token), shown on the login form. */
  notice: string | null;
  login(email: string, password: string): Promise<FormErrors | null>;
  logout(notice?: string): void;
}

const SessionContext = createContext<Session | null>(null);

// sessionStorage: the token lives as long as the tab, and is gone when it is closed.
const TOKEN_KEY = 'planspor.accessToken';

function readToken(): string | null {
  try {
    return sessionStorage.getItem(TOKEN_KEY);
  } catch {
    return null;
  }
}

function writeToken(token: string | null): void {
  try {
    if (token) sessionStorage.setItem(TOKEN_KEY, token);
    else sessionStorage.removeItem(TOKEN_KEY);
  } catch {
    // Storage refused (private mode): the session then lasts until the page is reloaded.
  }
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const token = useRef<string | null>(readToken());
  // A new client (and so an empty cache) for every person who signs in: nothing of the last one is kept.
  const [generation, setGeneration] = useState(0);
  const client = useMemo(() => createApiClient(() => token.current), [generation]);
  const [user, setUser] = useState<SessionUser | null>(null);
  const [status, setStatus] = useState<Session['status']>(token.current ? 'loading' : 'anonymous');
  const [notice, setNotice] = useState<string | null>(null);

  const logout = useCallback((why?: string) => {
    token.current = null;
    writeToken(null);
    setUser(null);
    setStatus('anonymous');
    setNotice(why ?? null);
    setGeneration((g) => g + 1);
  }, []);

  useEffect(() => {
    if (status !== 'loading') return;
    let live = true;
    void client
      .query(meQuery, {}, { requestPolicy: 'network-only' })
      .toPromise()
      .then((result) => {
        if (!live) return;
        if (result.data) {
          setUser(result.data.me);
          setStatus('signedIn');
        } else {
          logout(result.error?.graphQLErrors.length ? 'Du er blevet logget ud. Log ind igen.' : undefined);
        }
      });
    return () => {
      live = false;
    };
  }, [client, status, logout]);

  const login = useCallback(
    async (email: string, password: string): Promise<FormErrors | null> => {
      const result = await client.mutation(loginMutation, { email, password }).toPromise();
      if (!result.data) return loginErrorsOf(result.error);
      token.current = result.data.login.accessToken;
      writeToken(token.current);
      setNotice(null);
      setUser(result.data.login.user);
      setStatus('signedIn');
      setGeneration((g) => g + 1);
      return null;
    },
    [client],
  );

  const session = useMemo<Session>(() => ({ status, user, notice, login, logout }), [status, user, notice, login, logout]);
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
