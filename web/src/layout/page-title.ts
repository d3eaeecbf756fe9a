import { useEffect } from 'react';

/** Every page names itself in the tab (and to screen readers on navigation). */
export function usePageTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Planspor` : 'Planspor';
  }, [title]);
}
