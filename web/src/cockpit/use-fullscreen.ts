import { useCallback, useEffect, useState } from 'react';
import type { RefObject } from 'react';

/**
 * Whether an element is shown full screen (Fullscreen API), and a toggle. Where the API is missing or refuses (an
 * iPhone, a kiosk without the permission), `onUnavailable` is called so the page can fill the window instead.
 */
export function useFullscreen(ref: RefObject<HTMLElement | null>, onUnavailable: () => void) {
  const [active, setActive] = useState(false);
  useEffect(() => {
    const update = () => setActive(document.fullscreenElement !== null && document.fullscreenElement === ref.current);
    document.addEventListener('fullscreenchange', update);
    return () => document.removeEventListener('fullscreenchange', update);
  }, [ref]);
  const toggle = useCallback(() => {
    if (document.fullscreenElement) {
      void document.exitFullscreen();
      return;
    }
    const el = ref.current;
    if (!el || typeof el.requestFullscreen !== 'function') return onUnavailable();
    el.requestFullscreen({ navigationUI: 'hide' }).catch(onUnavailable);
  }, [ref, onUnavailable]);
  return { active, toggle };
}
