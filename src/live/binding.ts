// The designer's store bound to a room's Y.Doc (issue 16, decision 032). Each change of the store's
// document is written into the Y.Doc as its smallest change, in one transaction tagged with this
// binding's origin; each change that comes from elsewhere (another person, the server, one's own
// undo) is projected back into the store without a history step and is not written back.
// Undo and Redo go to a Yjs UndoManager that tracks only this binding's origin: my Ctrl+Z undoes
// my edits, never another person's. A drag is one step, as in the store: capturing stops at the
// gesture's start and end and before every other edit, never in the middle of a drag.

import * as Y from 'yjs';
import { ENTITY_ROOTS, META_ROOT, yDocToDocument } from '../collab/ydoc';
import type { TopologyDocument } from '../document';
import { describeEdit } from '../store/describe-edit';
import { setIdTag } from '../store/names';
import type { DesignerStore, LiveEditing } from '../store/store';
import { keepUnchanged, writeChanges } from './diff';

export interface StoreBinding {
  /** The origin of this person's transactions (what the undo manager tracks). */
  readonly origin: object;
  readonly undoManager: Y.UndoManager;
  /** Stops writing and projecting and gives Undo back to the store's own history. */
  destroy(): void;
}

export interface BindOptions {
  /** A view-only session: the store refuses edits and nothing is written into the Y.Doc. */
  readonly readOnly?: boolean;
}

function lowerFirst(text: string): string {
  return text.charAt(0).toLowerCase() + text.slice(1);
}

/**
 * Binds `store` to `ydoc`. The store's document must already be the Y.Doc's (opened from
 * `yDocToDocument`, or written into it with `writeDocument`) when this is called.
 */
export function bindStore(store: DesignerStore, ydoc: Y.Doc, options: BindOptions = {}): StoreBinding {
  const readOnly = options.readOnly ?? false;
  const origin = { binding: 'local' };
  const scope = [ydoc.getMap(META_ROOT), ...ENTITY_ROOTS.map((root) => ydoc.getMap(root))];
  const undoManager = new Y.UndoManager(scope, {
    trackedOrigins: new Set([origin]),
    // Never merge by time: the binding stops capturing at each action's boundaries itself.
    captureTimeout: Number.MAX_SAFE_INTEGER,
  });
  let projecting = false;
  // Ids this person makes carry the Y.Doc's random client id: never the same as another person's.
  if (!readOnly) setIdTag(ydoc.clientID.toString(36));

  const project = () => {
    const state = store.getState();
    const next = keepUnchanged(state.document, yDocToDocument(ydoc));
    projecting = true;
    try {
      state.receiveDocument(next);
    } finally {
      projecting = false;
    }
  };

  const travel = (direction: 'undo' | 'redo') => {
    if (readOnly) return;
    const before = store.getState().document;
    undoManager.stopCapturing();
    if (direction === 'undo') undoManager.undo();
    else undoManager.redo();
    undoManager.stopCapturing();
    const now = store.getState().document;
    if (now === before) return;
    const verb = direction === 'undo' ? 'Undid' : 'Redid';
    store.getState().notify(`${verb} a step: ${lowerFirst(describeEdit(before, now))}`, 'info');
  };

  const live = (): LiveEditing => ({
    readOnly,
    canUndo: !readOnly && undoManager.canUndo(),
    canRedo: !readOnly && undoManager.canRedo(),
    undo: () => travel('undo'),
    redo: () => travel('redo'),
  });
  const publish = () => {
    const current = store.getState().live;
    const next = live();
    if (current?.canUndo !== next.canUndo || current?.canRedo !== next.canRedo || !current) {
      store.getState().setLive(next);
    }
  };

  const onTransaction = (transaction: Y.Transaction) => {
    if (transaction.origin === origin || transaction.changed.size === 0) return;
    project();
  };
  ydoc.on('afterTransaction', onTransaction);

  const unsubscribe = store.subscribe((state, previous) => {
    if (readOnly || projecting) return;
    const gestureStarts = state.gestureBase !== null && previous.gestureBase === null;
    const gestureEnds = state.gestureBase === null && previous.gestureBase !== null;
    if (gestureStarts) undoManager.stopCapturing();
    if (state.document !== previous.document) {
      const inGesture = state.gestureBase !== null || previous.gestureBase !== null;
      if (!inGesture) undoManager.stopCapturing();
      ydoc.transact(() => writeChanges(ydoc, previous.document, state.document), origin);
    }
    // After the gesture's last write (a drag put back where it began writes its way back).
    if (gestureEnds) undoManager.stopCapturing();
  });

  const onStack = () => publish();
  undoManager.on('stack-item-added', onStack);
  undoManager.on('stack-item-popped', onStack);
  undoManager.on('stack-cleared', onStack);
  publish();

  return {
    origin,
    undoManager,
    destroy() {
      unsubscribe();
      ydoc.off('afterTransaction', onTransaction);
      undoManager.off('stack-item-added', onStack);
      undoManager.off('stack-item-popped', onStack);
      undoManager.off('stack-cleared', onStack);
      undoManager.destroy();
      setIdTag('');
      store.getState().setLive(null);
    },
  };
}

/** The document a room holds, or `undefined` when the room is empty (no one shared into it). */
export function roomDocument(ydoc: Y.Doc): TopologyDocument | undefined {
  if (ydoc.getMap(META_ROOT).get('format') === undefined) return undefined;
  return yDocToDocument(ydoc);
}
