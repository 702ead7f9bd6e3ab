import { z } from 'zod';
import { createEmptyDocument, serializeDocument, type TopologyDocument } from '../../document';
import { newDocumentId } from '../../store/document-id';
import { commitDrafts } from '../../store/drafts';
import type { DesignerStore, DocumentOrigin } from '../../store/store';
import { clearJournal, recoverJournals, writeJournal } from './journal';
import { migrateLegacyStorage } from './legacy';
import { type DocumentLibrary, entryTitle, type SaveResult } from './library';
import { type Head, headSchema, judgeRivalSave, type LibraryEntry, readRecord, saveKey } from './records';

/** The tab's open document survives a reload of the tab, and only of that tab. */
export const OPEN_DOCUMENT_KEY = 'wfm-topology:open-document';
export const CHANNEL_NAME = 'wfm-topology:library';
/** Deleted documents stay restorable this long, then the next start removes them. */
export const DELETED_KEPT_MS = 7 * 24 * 60 * 60 * 1000;
const SAVE_DELAY_MS = 400;

export const PAUSED_MESSAGE =
  'Saving is paused: another tab saved this deployment while this tab had changes. Export JSON to keep your version, or choose in the dialog (reload the page to see it again).';

// Tabs tell each other about saves over a BroadcastChannel; a message is untrusted input like
// any other (another version of the designer, another app on the origin).
const messageSchema = z.discriminatedUnion('type', [
  z.looseObject({ type: z.literal('saved'), id: z.string().max(100), head: headSchema }),
  z.looseObject({ type: z.literal('deleted'), id: z.string().max(100) }),
  z.looseObject({ type: z.literal('library') }),
]);
type Message = z.infer<typeof messageSchema>;

/** What the library knows of one document this tab has had open. */
interface Tracked {
  readonly id: string;
  readonly origin: DocumentOrigin;
  /** The save this tab last wrote or loaded; `null` while the document was never saved. */
  head: Head | null;
  /** The document of that save, compared by reference to tell unsaved edits. */
  saved: TopologyDocument | null;
  /** Saving stops while a conflict with another tab waits for the user's choice. */
  paused: boolean;
}

export interface SessionEnvironment {
  /** localStorage: the journal of unsaved edits, and saves of the designer before the library. */
  readonly local: Storage | null;
  /** sessionStorage: which document this tab has open. */
  readonly session: Storage | null;
  /** Makes the channel to the other tabs; absent where BroadcastChannel is. */
  readonly channel?: () => BroadcastChannel;
}

/** A document nobody typed anything into is not worth a library entry. */
function isBlank(document: TopologyDocument): boolean {
  return (
    document.components.length === 0 &&
    !document.name?.trim() &&
    !document.options?.managementLayer &&
    !document.options?.scheduledReporting
  );
}

function title(document: Pick<TopologyDocument, 'name'>): string {
  return entryTitle({ name: document.name ?? '' });
}

/**
 * The tab's side of the document library (decision 015): saves the open document shortly after
 * each change, keeps each document's saves apart, follows or asks about other tabs' saves of the
 * same document, and never lets a switch of document, a link, another tab or a closed tab lose an
 * edit.
 */
export class LibrarySession {
  readonly tab = newDocumentId();
  private current: Tracked;
  private queue: Promise<void> = Promise.resolve();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private channel: BroadcastChannel | null = null;
  private readonly watchers = new Set<() => void>();

  constructor(
    readonly library: DocumentLibrary,
    private readonly store: DesignerStore,
    private readonly env: SessionEnvironment,
  ) {
    const state = store.getState();
    this.current = {
      id: state.documentId,
      origin: state.documentOrigin,
      head: null,
      saved: null,
      paused: false,
    };
  }

  get documentId(): string {
    return this.current.id;
  }

  get paused(): boolean {
    return this.current.paused;
  }

  /** True when the open document has edits that are not saved yet (or a drag is under way). */
  hasUnsavedEdits(): boolean {
    const state = this.store.getState();
    if (state.gestureBase !== null) return true;
    if (state.document === this.current.saved) return false;
    return !(this.current.head === null && isBlank(state.document));
  }

  /**
   * Prepares the tab before the first render: moves saves of the one-slot designer and unsaved
   * edits of closed tabs into the library, removes documents deleted long ago, and opens the
   * tab's document (after a reload), else the newest. Returns what the user should be told.
   */
  async boot(): Promise<string[]> {
    const messages: string[] = [];
    await this.library.purgeDeleted(Date.now() - DELETED_KEPT_MS).catch(() => 0);
    const migration = await migrateLegacyStorage(this.env.local, this.library);
    messages.push(...migration.messages);
    messages.push(...(await recoverJournals(this.env.local, this.library).catch(() => [])));
    const entries = await this.library.list();
    const alive = entries.filter((entry) => entry.deletedAt === null);
    const known = new Set(alive.map((entry) => entry.id));
    const remembered = this.rememberedId();
    if (remembered !== null && !known.has(remembered) && migration.openId === null) {
      // This tab's document was blank, never stored (or deleted meanwhile): a reload shows it
      // blank again rather than another document.
      this.store.getState().openDocument(createEmptyDocument(), { id: remembered });
      this.current = {
        id: remembered,
        origin: 'new',
        head: null,
        saved: this.store.getState().document,
        paused: false,
      };
      return messages;
    }
    const candidates = [remembered, migration.openId, ...alive.map((entry) => entry.id)];
    const tried = new Set<string>();
    for (const id of candidates) {
      if (id === null || tried.has(id) || !known.has(id)) continue;
      tried.add(id);
      const outcome = await this.library.load(id);
      messages.push(...outcome.messages);
      if (outcome.kind !== 'loaded') continue;
      this.adopt(id, outcome.document, outcome.head, alive.find((entry) => entry.id === id)?.origin ?? 'new');
      break;
    }
    return messages;
  }

  /** Starts saving and listening to other tabs; returns the function that stops it. */
  start(): () => void {
    this.remember(this.current.id);
    const unsubscribe = this.store.subscribe((state, previous) => {
      if (state.documentId !== previous.documentId) {
        if (state.documentId !== this.current.id) {
          // New, Import, a template, an exercise, a link: a document the library has not seen.
          this.leave(this.current, previous.document);
          this.current = {
            id: state.documentId,
            origin: state.documentOrigin,
            head: null,
            saved: null,
            paused: false,
          };
          this.remember(state.documentId);
        }
        this.schedule(0);
        return;
      }
      if (state.document !== previous.document || state.gestureBase !== previous.gestureBase) {
        this.schedule(SAVE_DELAY_MS);
      }
    });
    this.channel = this.env.channel?.() ?? null;
    if (this.channel) {
      this.channel.onmessage = (event) =>
        void this.onMessage(event.data).catch(() => {
          // The library closed or refused a read: this tab's next save compares heads anyway.
        });
    }
    return () => {
      unsubscribe();
      void this.flush();
      clearTimeout(this.timer);
      this.channel?.close();
      this.channel = null;
    };
  }

  /** Saves the open document now, unless it is unchanged, mid-drag, paused or blank and new. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const { document, gestureBase } = this.store.getState();
    const tracked = this.current;
    if (gestureBase || tracked.paused || document === tracked.saved) return this.queue;
    if (tracked.head === null && isBlank(document)) return this.queue;
    return this.enqueueSave(tracked, document);
  }

  /**
   * The page is being hidden or left: typed drafts are committed, unsaved edits are written to the
   * journal synchronously (an IndexedDB write may not outlive the page) and saved.
   */
  hide(leaving: boolean): void {
    commitDrafts();
    if (leaving && this.hasUnsavedEdits()) {
      const tracked = this.current;
      writeJournal(this.env.local, this.tab, {
        id: tracked.id,
        base: saveKey(tracked.head),
        origin: tracked.origin,
        savedAt: Date.now(),
        text: serializeDocument(this.store.getState().document),
      });
    }
    void this.flush();
  }

  /** Opens a library document in this tab; the open one is saved first. False when it cannot be read. */
  async open(id: string): Promise<boolean> {
    if (id === this.current.id) return true;
    commitDrafts();
    this.leave(this.current, this.store.getState().document);
    await this.queue;
    const outcome = await this.library.load(id);
    const entry = await this.library.entry(id);
    if (outcome.kind !== 'loaded' && outcome.messages.length === 0) {
      // Every save was moved aside by an earlier load: choosing it must still say why nothing opens.
      const name = entry ? entryTitle(entry) : 'This document';
      this.store
        .getState()
        .notify(
          `“${name}” has no readable save left, so it cannot open. Its saves are kept under “Unreadable saves” in Open recent.`,
          'error',
        );
      return false;
    }
    if (outcome.messages.length > 0) this.store.getState().notify(outcome.messages.join(' '), 'error');
    if (outcome.kind !== 'loaded') return false;
    this.adopt(id, outcome.document, outcome.head, entry?.origin ?? 'new');
    this.store.getState().notify(`Opened “${title(outcome.document)}”.`, 'success');
    return true;
  }

  async list(): Promise<LibraryEntry[]> {
    return this.library.list();
  }

  /**
   * Deletes a document from the library (it stays restorable). The open document is saved first,
   * so a restore brings back every edit; the tab then opens the newest other document, or a new one.
   */
  async remove(id: string): Promise<void> {
    if (id === this.current.id) await this.flush();
    await this.library.remove(id);
    this.announce({ type: 'deleted', id });
    if (id !== this.current.id) return;
    const next = (await this.library.list()).find((entry) => entry.deletedAt === null && entry.id !== id);
    // The deleted document is saved: leaving it must not save it again (that would restore it).
    this.current.saved = this.store.getState().document;
    if (!next || !(await this.open(next.id))) this.store.getState().openDocument(createEmptyDocument());
  }

  async restore(id: string): Promise<void> {
    await this.library.restore(id);
    this.announce({ type: 'library' });
  }

  /** Tells this tab's and the other tabs' Open recent that the library changed. */
  announceLibraryChange(): void {
    this.announce({ type: 'library' });
  }

  /** Calls `watcher` whenever the library changes, here or in another tab. */
  watch(watcher: () => void): () => void {
    this.watchers.add(watcher);
    return () => {
      this.watchers.delete(watcher);
    };
  }

  /** "Load the other tab's version": theirs replaces this tab's as one undo step. */
  async loadTheirs(): Promise<void> {
    const tracked = this.current;
    const state = this.store.getState();
    const theirs = await this.library.load(tracked.id);
    tracked.paused = false;
    if (theirs.kind === 'loaded') {
      tracked.head = theirs.head;
      state.replaceDocument(theirs.document);
      tracked.saved = this.store.getState().document;
      state.setSaveError(null);
      state.notify('Loaded the version saved in the other tab. Undo brings your version back.');
      return;
    }
    // Nothing readable was saved there: this tab's version is the only one, and is saved.
    tracked.head = await this.library.head(tracked.id);
    state.notify('The other tab’s save could not be read, so your version stays open.');
    await this.flush();
  }

  /** "Keep mine as a copy": this tab's version goes on as a new document; theirs stays as it is. */
  async keepMineAsCopy(): Promise<void> {
    const tracked = this.current;
    const state = this.store.getState();
    const mine = state.document;
    const name = `${title(mine)} (copy)`.slice(0, 200);
    // The original keeps the other tab's version: leaving it saves nothing.
    tracked.saved = mine;
    state.openDocument({ ...mine, name }, { origin: 'copy' });
    state.setSaveError(null);
    await this.flush();
    state.notify(
      `Your version is saved as “${name}”. The other tab’s version stays as “${title(mine)}” in Open recent.`,
      'success',
    );
  }

  /** The conflict dialog was closed without a choice: saving stays paused, and the banner says so. */
  dismissConflict(): void {
    if (this.current.paused) this.store.getState().setSaveError(PAUSED_MESSAGE);
  }

  private adopt(id: string, document: TopologyDocument, head: Head, origin: DocumentOrigin): void {
    this.current = { id, origin, head, saved: document, paused: false };
    this.store.getState().openDocument(document, { id, origin });
    this.remember(id);
  }

  /** A document this tab stops showing: its unsaved edits are saved, or kept as a copy if paused. */
  private leave(tracked: Tracked, document: TopologyDocument): void {
    clearTimeout(this.timer);
    if (document === tracked.saved || (tracked.head === null && isBlank(document))) return;
    if (tracked.paused) {
      void this.keepCopy(document, 'Your unsaved version of');
      return;
    }
    void this.enqueueSave(tracked, document);
  }

  private async keepCopy(document: TopologyDocument, what: string): Promise<void> {
    const name = `${title(document)} (copy)`.slice(0, 200);
    try {
      await this.library.add({ document: { ...document, name }, origin: 'copy' });
      this.announce({ type: 'library' });
      this.store.getState().notify(`${what} “${title(document)}” is kept as “${name}” in Open recent.`);
    } catch {
      this.store
        .getState()
        .notify(`${what} “${title(document)}” could not be kept: the browser’s storage refused it.`, 'error');
    }
  }

  private schedule(delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.flush(), delay);
  }

  private enqueueSave(tracked: Tracked, document: TopologyDocument): Promise<void> {
    const run = async () => {
      if (tracked.paused || document === tracked.saved) return;
      const result = await this.library.save(tracked.id, document, this.tab, tracked.head, tracked.origin);
      this.afterSave(tracked, document, result);
    };
    this.queue = this.queue.then(run, run);
    return this.queue;
  }

  private afterSave(tracked: Tracked, document: TopologyDocument, result: SaveResult): void {
    const state = this.store.getState();
    const isOpen = tracked === this.current;
    if (result.kind === 'saved') {
      tracked.head = result.head;
      tracked.saved = document;
      clearJournal(this.env.local, tracked.id, this.tab);
      this.announce({ type: 'saved', id: tracked.id, head: result.head });
      if (isOpen) state.setSaveError(null);
      return;
    }
    if (result.kind === 'conflict') {
      if (isOpen) {
        tracked.paused = true;
        clearTimeout(this.timer);
        state.openDialog({ kind: 'tab-conflict' });
      } else {
        void this.keepCopy(document, 'Another tab saved');
      }
      return;
    }
    if (isOpen) state.setSaveError(result.message);
    else state.notify(`“${title(document)}” could not be saved: ${result.message}`, 'error');
  }

  private async onMessage(data: unknown): Promise<void> {
    const message = readRecord(messageSchema, data);
    if (!message) return;
    this.notifyWatchers();
    if (message.type === 'deleted' && message.id === this.current.id) {
      this.store
        .getState()
        .notify(
          'This deployment was deleted in another tab. It stays open here; an edit puts it back in Open recent.',
        );
    }
    if (message.type !== 'saved' || message.id !== this.current.id || this.current.paused) return;
    const tracked = this.current;
    await this.queue;
    const current = await this.library.head(tracked.id);
    if (tracked !== this.current || tracked.paused) return;
    const verdict = judgeRivalSave({
      known: tracked.head,
      incoming: message.head,
      current,
      hasLocalEdits: this.hasUnsavedEdits(),
    });
    if (verdict === 'ignore') return;
    if (verdict === 'conflict') {
      tracked.paused = true;
      clearTimeout(this.timer);
      this.store.getState().openDialog({ kind: 'tab-conflict' });
      return;
    }
    const theirs = await this.library.load(tracked.id);
    if (theirs.kind !== 'loaded' || tracked !== this.current || this.hasUnsavedEdits()) return;
    tracked.head = theirs.head;
    const state = this.store.getState();
    state.replaceDocument(theirs.document);
    // The replacement is now the saved document: it is not an edit of this tab's to save back.
    tracked.saved = this.store.getState().document;
    state.notify('Updated with the changes saved in another tab. Undo brings back the previous version.');
  }

  private announce(message: Message): void {
    try {
      this.channel?.postMessage(message);
    } catch {
      // A closed channel: the other tabs read the library when they next need it.
    }
    this.notifyWatchers();
  }

  private notifyWatchers(): void {
    for (const watcher of [...this.watchers]) watcher();
  }

  private rememberedId(): string | null {
    try {
      return this.env.session?.getItem(OPEN_DOCUMENT_KEY) ?? null;
    } catch {
      return null;
    }
  }

  private remember(id: string): void {
    try {
      this.env.session?.setItem(OPEN_DOCUMENT_KEY, id);
    } catch {
      // Without session storage a reload opens the newest document instead.
    }
  }
}
