import { useSyncExternalStore } from 'react';

/** Whether a CSS media query matches now; re-renders when it changes (phone rotated, window resized). */
export function useMediaQuery(query: string): boolean {
  return useSyncExternalStore(
    (onChange) => {
      const list = window.matchMedia(query);
      list.addEventListener('change', onChange);
      return () => list.removeEventListener('change', onChange);
    },
    () => window.matchMedia(query).matches,
    () => false,
  );
}

/** Phones: below antd's md breakpoint (768 px) the menu moves into a drawer. */
export function useIsPhone(): boolean {
  return useMediaQuery('(max-width: 767.98px)');
}
