import type { ThemePreference } from '../store/store';
import { always, defineCommand } from './command';

// What the designer shows beside the diagram: the side panels, the theme, the shortcuts.

const NEXT_THEME: { readonly [T in ThemePreference]: ThemePreference } = {
  system: 'dark',
  dark: 'light',
  light: 'system',
};
const THEME_LABEL: { readonly [T in ThemePreference]: string } = {
  system: 'Theme: system',
  dark: 'Theme: dark',
  light: 'Theme: light',
};
const THEME_ICON: { readonly [T in ThemePreference]: string } = { system: '◐', dark: '☾', light: '☀' };

export const VIEW_COMMANDS = [
  defineCommand({
    id: 'explain',
    label: 'Explain',
    enabled: always,
    checked: (s) => s.sidePanel === 'explain',
    run: ({ store }) => store.getState().toggleSidePanel('explain'),
  }),
  defineCommand({
    id: 'exercises',
    label: 'Exercises',
    enabled: always,
    checked: (s) => s.sidePanel === 'exercises',
    run: ({ store }) => store.getState().toggleSidePanel('exercises'),
  }),
  defineCommand({
    id: 'theme',
    label: (s) => THEME_LABEL[s.theme],
    icon: (s) => THEME_ICON[s.theme],
    hint: (s) => `${THEME_LABEL[s.theme]} (click to switch)`,
    enabled: always,
    run: ({ store }) => store.getState().setTheme(NEXT_THEME[store.getState().theme]),
  }),
  defineCommand({
    id: 'shortcuts',
    label: 'Keyboard shortcuts',
    icon: '?',
    shortcut: { keys: ['?'], matches: (e) => e.key === '?' },
    enabled: always,
    run: ({ store }) => store.getState().openDialog({ kind: 'shortcuts' }),
  }),
];
