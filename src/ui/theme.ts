import { useEffect, useSyncExternalStore } from 'react';
import { useDesigner } from '../store/react';
import type { ThemePreference } from '../store/store';

const DARK_QUERY = '(prefers-color-scheme: dark)';
const THEME_KEY = 'wfm-topology:theme';

function subscribeToSystemTheme(onChange: () => void): () => void {
  const query = window.matchMedia(DARK_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

function systemIsDark(): boolean {
  return window.matchMedia(DARK_QUERY).matches;
}

/** The theme in force: the user's choice, else the system's. */
export function useColorMode(): 'light' | 'dark' {
  const preference = useDesigner((s) => s.theme);
  const dark = useSyncExternalStore(subscribeToSystemTheme, systemIsDark, () => false);
  return preference === 'system' ? (dark ? 'dark' : 'light') : preference;
}

/** Reads the saved preference; anything unexpected means "follow the system". */
export function loadThemePreference(): ThemePreference {
  try {
    const value = window.localStorage.getItem(THEME_KEY);
    return value === 'light' || value === 'dark' ? value : 'system';
  } catch {
    return 'system';
  }
}

/** Puts the theme on the root element and remembers the choice. */
export function useApplyTheme(): void {
  const mode = useColorMode();
  const preference = useDesigner((s) => s.theme);
  useEffect(() => {
    window.document.documentElement.dataset.theme = mode;
    try {
      if (preference === 'system') window.localStorage.removeItem(THEME_KEY);
      else window.localStorage.setItem(THEME_KEY, preference);
    } catch {
      // Storage may be off (private mode); the theme still applies for this visit.
    }
  }, [mode, preference]);
}
