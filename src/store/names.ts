import { MAX_COMPONENT_NAME_LENGTH } from '../document';
import { type ComponentKind, kindInfo } from '../domain';

/**
 * The next free Genesys-style Application name for a kind: `WFM_Builder_2` when `WFM_Builder_1`
 * is taken. Compared case-insensitively, as Configuration Server compares Application names.
 */
export function nextComponentName(kind: ComponentKind, takenNames: Iterable<string>): string {
  const prefix = kindInfo(kind).namePrefix;
  const taken = new Set<string>();
  for (const name of takenNames) taken.add(name.trim().toLowerCase());
  for (let n = 1; ; n += 1) {
    const candidate = `${prefix}_${n}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * A copy's name: `WFM_Server_1` → `WFM_Server_1_copy`, then `_copy2`, … until free. A long name is
 * shortened first, so the copy stays within the 128 characters a name may have.
 */
export function copyName(name: string, taken: Set<string>): string {
  const trimmed = name.trim();
  for (let n = 1; ; n += 1) {
    const suffix = n === 1 ? '_copy' : `_copy${n}`;
    const candidate = `${trimmed.slice(0, MAX_COMPONENT_NAME_LENGTH - suffix.length)}${suffix}`;
    if (!taken.has(candidate.toLowerCase())) return candidate;
  }
}

/**
 * This page's mark on the ids it makes while a document is shared live (issue 16, decision 032),
 * or '' alone. Two people who add a component at once would otherwise both make `srv-3`, and one
 * of the two cards would replace the other in the room. One page has one store, so one tag.
 */
let idTag = '';

/** Sets (or clears, with '') the tag new ids carry: `srv-3-k2f9`. */
export function setIdTag(tag: string): void {
  idTag = tag;
}

/** A new id with a kind prefix, unique in `taken`: `srv-3` (`srv-3-k2f9` in a live session). */
export function nextId(prefix: string, taken: ReadonlySet<string>): string {
  const tag = idTag ? `-${idTag}` : '';
  for (let n = taken.size + 1; ; n += 1) {
    const candidate = `${prefix}-${n}${tag}`;
    if (!taken.has(candidate)) return candidate;
  }
}

/** The prefix of the ids new components of a kind get: `idPrefix('server') === 'srv'`. */
export function idPrefix(kind: ComponentKind): string {
  return kindInfo(kind).idPrefix;
}
