import { createContext, type ReactNode, useCallback, useContext, useState } from 'react';

/** A polite live region: "Status registreret" is read out without moving focus. */
const AnnounceContext = createContext<(message: string) => void>(() => {});

export function Announcer({ children }: { children: ReactNode }) {
  const [message, setMessage] = useState('');
  const announce = useCallback((next: string) => {
    setMessage('');
    // A new text node each time, so the same message twice is read twice.
    setTimeout(() => setMessage(next), 30);
  }, []);
  return (
    <AnnounceContext.Provider value={announce}>
      {children}
      <div className={message ? "flash" : "visually-hidden"} role="status" aria-live="polite">
        {message}
      </div>
    </AnnounceContext.Provider>
  );
}

export function useAnnounce(): (message: string) => void {
  return useContext(AnnounceContext);
}
