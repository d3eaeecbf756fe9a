import { type ReactNode, useEffect, useRef } from 'react';
import { Link, NavLink, useLocation, useNavigate } from 'react-router';
import { canReadNational } from '../auth/permissions';
import { useUser, useSession } from '../auth/session';
import { ROLE } from '../common/labels';

/** Header (who is signed in, where to go, "Log ud") around every page of a signed-in person. */
export function AppShell({ children }: { children: ReactNode }) {
  const user = useUser();
  const { logout } = useSession();
  const navigate = useNavigate();
  const main = useRef<HTMLElement>(null);
  const location = useLocation();
  const first = useRef(true);

  // After a navigation inside the app, focus moves to the new page's heading, as a page load would;
  // the heading appears once the page's data has come, so wait for it.
  useEffect(() => {
    if (first.current) {
      first.current = false;
      return;
    }
    const root = main.current;
    if (!root) return;
    const focusHeading = () => {
      const heading = root.querySelector<HTMLElement>('h1');
      heading?.focus();
      return Boolean(heading);
    };
    if (focusHeading()) return;
    const observer = new MutationObserver(() => focusHeading() && observer.disconnect());
    observer.observe(root, { childList: true, subtree: true });
    const timer = setTimeout(() => observer.disconnect(), 10_000);
    return () => {
      observer.disconnect();
      clearTimeout(timer);
    };
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#indhold">
        Spring til indhold
      </a>
      <header className="topbar">
        <Link to="/" className="brand">
          Planspor
        </Link>
        <nav aria-label="Hovedmenu" className="topbar__nav">
          <ul>
            {canReadNational(user) && (
              <li>
                <NavLink to="/national">Nationalt overblik</NavLink>
              </li>
            )}
            {user.areaSecretariat && (
              <li>
                <NavLink to={`/omraader/${user.areaSecretariat.id}`}>{user.areaSecretariat.name}</NavLink>
              </li>
            )}
            {user.plan && (
              <li>
                <NavLink to={`/planer/${user.plan.id}`}>Min plan</NavLink>
              </li>
            )}
          </ul>
        </nav>
        <div className="topbar__user">
          <span>
            {user.name} <span className="muted">({ROLE[user.role]})</span>
          </span>
          <button type="button" className="button button--quiet" onClick={() => {
              logout();
              navigate('/');
            }}>
            Log ud
          </button>
        </div>
      </header>
      <main id="indhold" ref={main} tabIndex={-1}>
        {children}
      </main>
    </>
  );
}
