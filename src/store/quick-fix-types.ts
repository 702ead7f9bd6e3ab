// The quick-fix shapes: what a fix is, and what applying an edit fix returns.
import type { TopologyDocument } from '../document';

/** What a fix selects once applied: what it created, so the Inspector shows it. */
export interface QuickFixSelection {
  readonly components?: readonly string[];
  readonly connections?: readonly string[];
}

/** The outcome of an edit fix; `ok: false` when the document no longer allows it (nothing changes). */
export type QuickFixResult =
  | {
      readonly ok: true;
      readonly document: TopologyDocument;
      readonly select?: QuickFixSelection;
      /** What was done, in words for the status line. */
      readonly notice: string;
    }
  | { readonly ok: false; readonly document: TopologyDocument; readonly notice: string };

interface QuickFixBase {
  /** Stable for one problem in one document: the panel keys its buttons by it. */
  readonly id: string;
  /** The button's text and accessible name. */
  readonly label: string;
  /** Why the fix is the remedy, as the button's tooltip (the Builder pool of "Make it a pool member"). */
  readonly hint?: string;
}

/** A pure document edit, applied by the store as one history step. */
export interface EditQuickFix extends QuickFixBase {
  readonly kind: 'edit';
  apply(document: TopologyDocument): QuickFixResult;
}

/** A fix the user finishes in the UI: select the component (or host) and focus its Name field. */
export type RenameQuickFix = QuickFixBase & { readonly kind: 'rename' } & (
    | { readonly componentId: string; readonly hostId?: never }
    | { readonly hostId: string; readonly componentId?: never }
  );

export type QuickFix = EditQuickFix | RenameQuickFix;
