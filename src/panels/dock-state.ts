import { useCallback, useSyncExternalStore } from 'react';
import { z } from 'zod';

// The shell's layout choices that last for the tab's session (decision 028): whether each docked
// panel is collapsed, and the height the Problems panel was given. Kept in sessionStorage, read
// through zod like any other storage, and shared by every reader through one small store.

const PREFIX = 'wfm.layout.';
const LayoutValue = z.union([z.boolean(), z.number().finite().nonnegative()]);
type LayoutValue = z.infer<typeof LayoutValue>;

const memory = new Map<string, LayoutValue>();
const listeners = new Set<() => void>();

function storage(): Storage | null {
  try {
    return window.sessionStorage;
  } catch {
    return null;
  }
}

function read(key: string): LayoutValue | undefined {
  if (memory.has(key)) return memory.get(key);
  let text: string | null = null;
  try {
    text = storage()?.getItem(PREFIX + key) ?? null;
  } catch {
    text = null;
  }
  if (text === null) return undefined;
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    return undefined;
  }
  const parsed = LayoutValue.safeParse(json);
  return parsed.success ? parsed.data : undefined;
}

function write(key: string, value: LayoutValue | undefined): void {
  if (value === undefined) memory.delete(key);
  else memory.set(key, value);
  try {
    if (value === undefined) storage()?.removeItem(PREFIX + key);
    else storage()?.setItem(PREFIX + key, JSON.stringify(value));
  } catch {
    // A full or refused storage only forgets the layout at the next reload.
  }
  for (const listener of [...listeners]) listener();
}

function subscribe(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/**
 * Whether the docked panel `key` is collapsed: as the user last left it in this tab, or
 * `initially()` (e.g. collapsed on a narrow window) until they choose.
 */
export function useDockCollapsed(
  key: string,
  initially: () => boolean,
): [boolean, (collapsed: boolean) => void] {
  const stored = useSyncExternalStore(subscribe, () => read(`collapsed.${key}`));
  const collapsed = typeof stored === 'boolean' ? stored : initially();
  const set = useCallback((value: boolean) => write(`collapsed.${key}`, value), [key]);
  return [collapsed, set];
}

/** A size in pixels the user chose for `key` in this tab, or `null` (the panel's own size). */
export function useDockSize(key: string): [number | null, (size: number | null) => void] {
  const stored = useSyncExternalStore(subscribe, () => read(`size.${key}`));
  const size = typeof stored === 'number' ? stored : null;
  const set = useCallback((value: number | null) => write(`size.${key}`, value ?? undefined), [key]);
  return [size, set];
}
