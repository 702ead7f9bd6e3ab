// The designer store's state, slice by slice: what each part holds and the actions it offers.

import type { StoreApi } from 'zustand/vanilla';
import type { ParseError, TopologyDocument } from '../document';
import type { ComponentKind, DeploymentOptions, RulesetId, Security } from '../domain';
import type { DiagramLayout, Rect } from '../drawing';
import type { BackupOptions } from './backup-operations';
import type { History } from './history';
import type { HostPatch, ZonePatch } from './layout-operations';
import type { AddConnectionResult, ComponentPatch, Fragment, XY } from './operations';
import type { QuickFix } from './quick-fixes';

export interface Selection {
  readonly components: ReadonlySet<string>;
  readonly connections: ReadonlySet<string>;
  /** Selected hosts, zones and notes (ids are unique across the document). */
  readonly layout?: ReadonlySet<string>;
}

export type NoticeTone = 'info' | 'success' | 'refusal' | 'error';

/** A message for the status line; `seq` makes a repeated message announce again. */
export interface Notice {
  readonly text: string;
  readonly tone: NoticeTone;
  readonly seq: number;
}

/** Where a document came from: a new one, a file, a link, a template, an exercise, a kept copy… */
export const DOCUMENT_ORIGINS = [
  'new',
  'import',
  'link',
  'template',
  'exercise',
  'copy',
  'migrated',
  'recovered',
] as const;
export type DocumentOrigin = (typeof DOCUMENT_ORIGINS)[number];

export interface DocumentSlice {
  readonly document: TopologyDocument;
  /** Bumped by every replacement of the whole document (New, import), so the view can fit again. */
  readonly documentEpoch: number;
  /** Which document of the browser's library this is (issue 11): each has its own saves and history. */
  readonly documentId: string;
  /** How the open document came to be, as the library lists it. */
  readonly documentOrigin: DocumentOrigin;
  addComponent(kind: ComponentKind, position: XY): string;
  updateComponent(id: string, patch: ComponentPatch): void;
  /** Moves during a gesture: no history step until `endGesture`. */
  moveComponents(moves: ReadonlyMap<string, XY>, mode: 'gesture' | 'step'): void;
  connect(from: string, to: string): AddConnectionResult;
  setSecurity(connectionId: string, security: Security): void;
  deleteSelection(): void;
  deleteElements(
    componentIds: Iterable<string>,
    connectionIds: Iterable<string>,
    layoutIds?: Iterable<string>,
  ): void;
  /** Adds a host, a zone or a note with its top-left corner at `position`, selects it and returns its id. */
  addHost(position: XY): string;
  addZone(position: XY): string;
  addNote(position: XY, text?: string): string;
  updateHost(id: string, patch: HostPatch): void;
  updateZone(id: string, patch: ZonePatch): void;
  updateNote(id: string, text: string): void;
  /** Puts a component on a host, or on none (`undefined`). */
  setComponentHost(componentId: string, hostId: string | undefined): void;
  setConnectionLabel(connectionId: string, label: string): void;
  setRuleset(ruleset: RulesetId): void;
  /** How Message Server connections are drawn on the canvas and in every export; one undo step. */
  setMessageServerLinks(mode: 'lines' | 'badges' | 'hidden'): void;
  /** Resizes a host or zone; during a gesture, no history step until `endGesture`. */
  resizeContainer(id: string, rect: Rect, mode: 'gesture' | 'step'): void;
  /** Tidy up's result: cards, containers and routes where the layout put them, as one undo step. */
  applyLayout(layout: DiagramLayout): void;
  /**
   * Moves components, hosts, zones and notes to absolute positions (a container carries what it
   * holds). With `drop`, what moved belongs where its centre landed.
   */
  moveNodes(moves: ReadonlyMap<string, XY>, mode: 'gesture' | 'step', drop?: boolean): void;
  /** Adds the backup of a component (one undo step), selects it and returns its id; `null` if it cannot have one. */
  addBackup(primaryId: string, options?: BackupOptions): string | null;
  setName(name: string): void;
  setOption(key: keyof DeploymentOptions, value: boolean): void;
  /** Replaces the whole document with another version of itself (another tab's save) as one undo step. */
  replaceDocument(document: TopologyDocument): void;
  /**
   * Opens another document in this tab (New, import, a template, a link, Open recent): a fresh
   * history, nothing selected. The previous document stays in the library. Returns the id.
   */
  openDocument(document: TopologyDocument, options?: { id?: string; origin?: DocumentOrigin }): string;
  /**
   * Opens a document the user made, imported or received as a new document and says so in
   * `notice`, adding where the previous one is kept. Without a library (storage off) it replaces
   * the open document as one undo step instead, so the previous one is never lost.
   */
  openNewDocument(document: TopologyDocument, origin: DocumentOrigin, notice: string): void;
  /** Applies a problem's quick fix as one undo step, selects what it created and says what it did. */
  applyQuickFix(fix: QuickFix): void;
}

export interface HistorySlice {
  readonly history: History<TopologyDocument>;
  /** The document as it was when the current gesture (a drag) began. */
  readonly gestureBase: TopologyDocument | null;
  beginGesture(): void;
  endGesture(): void;
  undo(): void;
  redo(): void;
}

export interface SelectionSlice {
  readonly selection: Selection;
  select(selection: {
    components?: Iterable<string>;
    connections?: Iterable<string>;
    layout?: Iterable<string>;
  }): void;
  selectAll(): void;
  clearSelection(): void;
}

export interface ClipboardSlice {
  readonly clipboard: Fragment | null;
  /** How many times the clipboard was pasted since the copy: each paste lands one grid step further. */
  readonly clipboardPastes: number;
  copySelection(): number;
  /**
   * Pastes one grid step right and down of the copied components (cascading), or at `fallback`
   * (the view's centre) when they are no longer in the document; selects the copies.
   */
  paste(fallback: XY): void;
  /** Copies the selected components one grid step right and down, with their connections; selects the copies. */
  duplicateSelection(): void;
}

export type ThemePreference = 'system' | 'light' | 'dark';

/** An Inspector field to focus: a name (the "Rename" quick fix), a note's text or a connection's label (a double click). */
export type FocusField = 'name' | 'text' | 'label';

/** The one modal dialog open at a time. */
export type OpenDialog =
  | { readonly kind: 'connect-to'; readonly fromId: string }
  | { readonly kind: 'shortcuts' }
  | {
      readonly kind: 'import-error';
      readonly fileName: string;
      readonly error: ParseError;
      /** Not a WFM topology file at all: the dialog says which files can be imported. */
      readonly foreign?: boolean;
    }
  | { readonly kind: 'share-link'; readonly url: string }
  /** The links of a live session (issue 16): the edit link only for who can edit. */
  | { readonly kind: 'live-share'; readonly edit?: string; readonly view: string }
  /**
   * A class's dashboard (issue 16 item 8): starting one for `exerciseId` when no class is taught,
   * with the text of a trainer's own exercise file when the exercise is not built in.
   */
  | { readonly kind: 'class'; readonly exerciseId?: string; readonly exerciseFile?: string }
  /** A class link opened: the learner gives a name to join (the link's three keys). */
  | { readonly kind: 'class-join'; readonly classKey: string; readonly x: string; readonly y: string }
  | { readonly kind: 'templates' }
  | { readonly kind: 'tab-conflict' }
  | { readonly kind: 'open-recent' }
  | { readonly kind: 'matrix'; readonly cell?: { readonly from: string; readonly to: string } }
  /** Find a component by name, host or kind (issue 15 item 5). */
  | { readonly kind: 'find' }
  /** A PNG export whose names would be too small to read at `scale`: SVG instead, or the PNG anyway? */
  | { readonly kind: 'png-unreadable'; readonly scale: number; readonly outlineProblems: boolean };

/** The non-modal side panel beside the canvas, if one is open. */
export type SidePanel = 'explain' | 'exercises';

export interface UiSlice {
  readonly notice: Notice | null;
  notify(text: string, tone?: NoticeTone): void;
  readonly theme: ThemePreference;
  setTheme(theme: ThemePreference): void;
  /** True when the browser keeps a library of documents (IndexedDB works); set once at start. */
  readonly libraryAvailable: boolean;
  setLibraryAvailable(available: boolean): void;
  /** Why the last autosave failed, or `null` when it worked. */
  readonly saveError: string | null;
  setSaveError(error: string | null): void;
  readonly dialog: OpenDialog | null;
  openDialog(dialog: OpenDialog | null): void;
  readonly sidePanel: SidePanel | null;
  /** Opens a side panel, or closes it when it is already open. */
  toggleSidePanel(panel: SidePanel | null): void;
  /** Whether SVG and PNG exports outline what has problems (the Export menu's checkbox). */
  readonly exportOutlineProblems: boolean;
  setExportOutlineProblems(outline: boolean): void;
  /** An Inspector field to focus once it shows (the "Rename" quick fix); the Inspector clears it. */
  readonly focusField: FocusField | null;
  setFocusField(field: FocusField | null): void;
}

/**
 * What a live session (issue 16, decision 032) changes in the store: Undo and Redo go to the
 * session's own undo manager (one's own edits only), and a view-only session refuses every edit.
 * Set by src/live; `null` when the open document is not shared.
 */
export interface LiveEditing {
  readonly readOnly: boolean;
  readonly canUndo: boolean;
  readonly canRedo: boolean;
  undo(): void;
  redo(): void;
}

/** The refusal a view-only session answers every edit with. */
export const VIEW_ONLY_REFUSAL = 'This live session is view-only: you cannot change the deployment.';

export interface LiveSlice {
  readonly live: LiveEditing | null;
  setLive(live: LiveEditing | null): void;
  /**
   * Shows the shared document as another person (or one's own undo) left it: no history step, no
   * status sentence, the selection pruned of what no longer exists.
   */
  receiveDocument(document: TopologyDocument): void;
}

export type DesignerState = DocumentSlice &
  HistorySlice &
  SelectionSlice &
  ClipboardSlice &
  UiSlice &
  LiveSlice;
export type DesignerStore = StoreApi<DesignerState>;
