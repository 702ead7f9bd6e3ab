import { type ComponentKind, isContextKind } from '../domain';

/**
 * A context link has a Framework context kind at either end (rules.md section 8): drawn dashed,
 * never judged by the matrix.
 * @example isContextLink('daemon', 'smtp-server') === true && isContextLink('web', 'server') === false
 */
export function isContextLink(
  fromKind: ComponentKind | undefined,
  toKind: ComponentKind | undefined,
): boolean {
  return (
    (fromKind !== undefined && isContextKind(fromKind)) || (toKind !== undefined && isContextKind(toKind))
  );
}
