import { useEffect, useState } from 'react';

/**
 * 适老化 (elder mode): larger type and touch targets, more line spacing, higher contrast, no
 * decoration. Switched from every page's header; `?elder=1` on any portal address turns it on (links
 * in texts to older citizens), `?elder=0` off; the choice is kept in this browser.
 */
const KEY = 'ow-portal-elder';
const CLASS = 'pt-elder';

function initial(): boolean {
  const asked = new URLSearchParams(window.location.search).get('elder');
  if (asked === '1' || asked === '0') {
    remember(asked === '1');
    return asked === '1';
  }
  try {
    return window.localStorage.getItem(KEY) === '1';
  } catch {
    return false;
  }
}

function remember(on: boolean): void {
  try {
    window.localStorage.setItem(KEY, on ? '1' : '0');
  } catch {
    // Private mode without storage: the choice lasts for this page only.
  }
}

/** Whether elder mode is on, and the switch; the class on <html> follows it. */
export function useElderMode(): [boolean, (on: boolean) => void] {
  const [on, setOn] = useState(initial);
  useEffect(() => {
    document.documentElement.classList.toggle(CLASS, on);
  }, [on]);
  const set = (next: boolean) => {
    remember(next);
    setOn(next);
  };
  return [on, set];
}
