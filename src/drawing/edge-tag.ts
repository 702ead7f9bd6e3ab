import type { DocumentComponent, DocumentConnection } from '../document';
import { matrixCell } from '../domain';
import { isContextLink } from './context-kinds';
import { estimateTextWidth } from './text-metrics';

/** The text of a connection's tag, and whether it carries the lock of a secured connection. */
export interface EdgeTag {
  readonly text: string;
  readonly locked: boolean;
}

/** The tag's font size; its box is 18 px high. */
export const TAG_FONT = 10;
export const TAG_HEIGHT = 18;

/**
 * What a connection's tag says: the user's label, or else the matrix cell's label; "TLS" or
 * "mTLS" in front when it is secured. The layout reserves room for it and every drawing shows it,
 * so all of them take it from here. `undefined` when there is nothing to say.
 */
export function edgeTag(
  connection: DocumentConnection,
  source: DocumentComponent,
  target: DocumentComponent,
): EdgeTag | undefined {
  const context = isContextLink(source.kind, target.kind);
  const cellLabel =
    connection.label?.trim() || (context ? undefined : matrixCell(source.kind, target.kind)?.label);
  const security = connection.security ?? 'none';
  const locked = security !== 'none';
  const text = locked
    ? `${security === 'tls' ? 'TLS' : 'mTLS'}${cellLabel ? ` · ${cellLabel}` : ''}`
    : (cellLabel ?? '');
  return text ? { text, locked } : undefined;
}

/** How wide a tag's box is drawn: its text whole, the lock, and the padding. */
export function edgeTagWidth(tag: EdgeTag): number {
  // A secured tag is drawn bold.
  return Math.ceil(estimateTextWidth(tag.text, TAG_FONT, tag.locked) + (tag.locked ? 24 : 12));
}
