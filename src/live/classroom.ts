// A classroom (issue 16 item 8, decision 035). The trainer's page makes a class room (an ordinary
// room holding only the `classroom` root, roster.ts) and a key pair; the class link carries the class
// room's edit key and the trainer's public key. A learner's page reads the exercise from the class
// room, makes a room of its own for it (the app does that: it is Share live of the exercise's start
// deployment) and writes one roster entry: its name and its room's edit key sealed to the trainer
// (class-crypto.ts). The trainer's page opens each entry and watches each learner's room with the
// room's view key: a thumbnail and the goals met, redrawn as the learner works. Loaded only when a
// class is started or joined.

import { HocuspocusProvider, HocuspocusProviderWebsocket } from '@hocuspocus/provider';
import * as Y from 'yjs';
import { newRoom, roomIdOf, viewKeyOf } from '../collab/capability';
import {
  CLASS_ROOT,
  type ClassLink,
  classHash,
  EXERCISE_FILE_KEY,
  EXERCISE_KEY,
  learnerName,
  readClass,
  type TeachLink,
  teachHash,
} from '../collab/roster';
import { evaluateGoals, type GoalCheck } from '../domain';
import { serializeSvg } from '../export';
import { roomDocument } from './binding';
import { newEntryKey, newTrainerKey, openEntry, sealEntry } from './class-crypto';
import { classroomStore, type LearnerView } from './classroom-state';

/** How long starting or joining a class waits for the server. */
const WAIT_MS = 10_000;
/**
 * Above this many components a room is drawn no more (its goals are still counted): an exercise's
 * deployment is far smaller, and a forged entry may lead to a room made to be slow to draw.
 */
const MAX_DRAWN_COMPONENTS = 300;
/** How often at most a learner's thumbnail is redrawn while they work. */
const REDRAW_MS = 400;

/** Connects `ydoc` to a room over `socket`; resolves true once synced, false when refused or late. */
function connect(socket: HocuspocusProviderWebsocket, roomId: string, key: string, ydoc: Y.Doc) {
  let settle: (ok: boolean) => void = () => {};
  const synced = new Promise<boolean>((resolve) => {
    settle = resolve;
    setTimeout(() => resolve(false), WAIT_MS);
  });
  const provider = new HocuspocusProvider({
    websocketProvider: socket,
    name: roomId,
    token: key,
    document: ydoc,
    onSynced: () => settle(true),
    onAuthenticationFailed: () => settle(false),
  });
  provider.attach();
  return { provider, synced };
}

function newSocket(collabUrl: string): HocuspocusProviderWebsocket {
  return new HocuspocusProviderWebsocket({ url: collabUrl, minDelay: 200, maxDelay: 5000 });
}

/** Waits until what this provider wrote has reached the server (or the wait runs out). */
function flushed(provider: HocuspocusProvider): Promise<boolean> {
  if (!provider.hasUnsyncedChanges) return Promise.resolve(true);
  return new Promise((resolve) => {
    const timer = setTimeout(() => resolve(false), WAIT_MS);
    const check = () => {
      if (provider.hasUnsyncedChanges) return;
      clearTimeout(timer);
      provider.off('unsyncedChanges', check);
      resolve(true);
    };
    provider.on('unsyncedChanges', check);
  });
}

// ——— The learner's side ———

export type ClassOpening =
  | {
      readonly ok: true;
      readonly exerciseId: string;
      /** The trainer's own exercise file, when the class is of one (hostile text: parse it). */
      readonly exerciseFile?: string;
      /**
       * Seals `editKey` to the trainer and writes the learner's entry, under `entryKey` when this
       * browser joined the class before (its entry is rewritten, not doubled), else under a new
       * key. Resolves with the entry's key once the server has it, or `null`.
       */
      readonly enrol: (name: string, editKey: string, entryKey?: string) => Promise<string | null>;
      readonly close: () => void;
    }
  | { readonly ok: false; readonly message: string };

/** Opens the class room of a class link: the exercise of the class, and a way to enrol. */
export async function openClass(collabUrl: string, link: ClassLink): Promise<ClassOpening> {
  const roomId = await roomIdOf(await viewKeyOf(link.classKey));
  const socket = newSocket(collabUrl);
  const ydoc = new Y.Doc();
  const { provider, synced } = connect(socket, roomId, link.classKey, ydoc);
  const close = () => {
    provider.destroy();
    socket.destroy();
    ydoc.destroy();
  };
  if (!(await synced)) {
    close();
    return {
      ok: false,
      message:
        'The class could not be reached: the server is not there or refused the link. Nothing was opened.',
    };
  }
  const root = ydoc.getMap(CLASS_ROOT);
  const { exerciseId, exerciseFile } = readClass(root.entries());
  if (!exerciseId) {
    close();
    return {
      ok: false,
      message: 'This class link leads to no class: check that it was copied whole. Nothing was opened.',
    };
  }
  return {
    ok: true,
    exerciseId,
    ...(exerciseFile === undefined ? {} : { exerciseFile }),
    close,
    enrol: async (name, editKey, entryKey) => {
      const key = entryKey ?? newEntryKey();
      // The server refuses a name with hidden characters (decision 036): they are taken out first.
      const entry = await sealEntry(link, key, learnerName(name), editKey);
      root.set(key, entry);
      return (await flushed(provider)) ? key : null;
    },
  };
}

// ——— The trainer's side ———

interface Watched {
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider | null;
  timer: ReturnType<typeof setTimeout> | null;
}

interface Class {
  readonly socket: HocuspocusProviderWebsocket;
  readonly ydoc: Y.Doc;
  readonly provider: HocuspocusProvider;
  readonly key: TeachLink;
  readonly goals: readonly { readonly check: GoalCheck }[];
  readonly watched: Map<string, Watched>;
  /** The sealed box each watched entry was opened from: an entry rewritten in place is opened again. */
  readonly boxes: Map<string, string>;
}

let current: Class | null = null;

function updateLearner(id: string, change: (learner: LearnerView) => LearnerView): void {
  const teaching = classroomStore.getState().teaching;
  if (!teaching) return;
  classroomStore.setState({
    teaching: { ...teaching, learners: teaching.learners.map((l) => (l.id === id ? change(l) : l)) },
  });
}

/** Redraws a learner's thumbnail and counts their goals met. */
function redraw(theClass: Class, id: string, ydoc: Y.Doc): void {
  if (current !== theClass) return;
  const document = roomDocument(ydoc);
  if (!document) return;
  let thumbnail: string | undefined;
  let met = 0;
  try {
    if (document.components.length <= MAX_DRAWN_COMPONENTS)
      thumbnail = `data:image/svg+xml;charset=utf-8,${encodeURIComponent(serializeSvg(document))}`;
    met = evaluateGoals(document, theClass.goals).filter((result) => result.met).length;
  } catch {
    // A document the learner's room holds passed the server's checks; a drawing that still
    // fails leaves the last thumbnail.
  }
  const tooLarge = document.components.length > MAX_DRAWN_COMPONENTS;
  updateLearner(id, ({ thumbnail: last, ...learner }) => {
    const shown = tooLarge ? undefined : (thumbnail ?? last);
    return { ...learner, state: 'live', met, tooLarge, ...(shown ? { thumbnail: shown } : {}) };
  });
}

/** Opens a new roster entry and starts watching the learner's room with its view key. */
async function watch(theClass: Class, id: string, entry: Parameters<typeof openEntry>[2]): Promise<void> {
  // Stale once the class ended or the entry was rewritten while this one was being opened.
  const stale = () => current !== theClass || theClass.boxes.get(id) !== entry.box;
  const editKey = await openEntry(theClass.key, id, entry);
  if (stale()) return;
  if (!editKey) {
    updateLearner(id, (learner) => ({ ...learner, state: 'sealed-wrong' }));
    return;
  }
  const viewKey = await viewKeyOf(editKey);
  const roomId = await roomIdOf(viewKey);
  if (stale()) return;
  const ydoc = new Y.Doc();
  const { provider } = connect(theClass.socket, roomId, viewKey, ydoc);
  const watched: Watched = { ydoc, provider, timer: null };
  theClass.watched.get(id)?.ydoc.destroy();
  theClass.watched.set(id, watched);
  updateLearner(id, (learner) => ({ ...learner, editKey }));
  ydoc.on('update', () => {
    if (watched.timer) return;
    watched.timer = setTimeout(() => {
      watched.timer = null;
      redraw(theClass, id, ydoc);
    }, REDRAW_MS);
  });
  redraw(theClass, id, ydoc);
}

/** Reads the roster again: new entries are watched, vanished ones dropped. */
function readRoster(theClass: Class): void {
  const teaching = classroomStore.getState().teaching;
  if (!teaching || current !== theClass) return;
  const { learners } = readClass(theClass.ydoc.getMap(CLASS_ROOT).entries());
  const known = new Map(teaching.learners.map((l) => [l.id, l]));
  const next: LearnerView[] = [];
  for (const entry of learners) {
    const seen = known.get(entry.id);
    // An entry rewritten under the same key is a new entry: opened (and checked) again.
    const same = seen?.name === entry.name && theClass.boxes.get(entry.id) === entry.box;
    if (seen && same && theClass.watched.has(entry.id)) next.push(seen);
    else {
      next.push({ id: entry.id, name: entry.name, state: 'opening', met: 0, total: theClass.goals.length });
      drop(theClass, entry.id);
      theClass.boxes.set(entry.id, entry.box);
      theClass.watched.set(entry.id, { ydoc: new Y.Doc(), provider: null, timer: null });
      void watch(theClass, entry.id, entry);
    }
  }
  for (const id of theClass.watched.keys()) if (!learners.some((l) => l.id === id)) drop(theClass, id);
  classroomStore.setState({ teaching: { ...teaching, learners: next } });
}

function drop(theClass: Class, id: string): void {
  const watched = theClass.watched.get(id);
  if (!watched) return;
  theClass.watched.delete(id);
  theClass.boxes.delete(id);
  if (watched.timer) clearTimeout(watched.timer);
  watched.provider?.destroy();
  watched.ydoc.destroy();
}

/** Stops teaching: every connection closes; the class room stays on the server. */
export function endClass(): void {
  const theClass = current;
  if (!theClass) return;
  current = null;
  for (const id of [...theClass.watched.keys()]) drop(theClass, id);
  theClass.provider.destroy();
  theClass.socket.destroy();
  theClass.ydoc.destroy();
  classroomStore.setState({ teaching: null });
}

export interface TeachOptions {
  readonly collabUrl: string;
  /** The page's address without fragment, for the links. */
  readonly address: string;
  readonly exerciseId: string;
  /** A trainer's own exercise file: written into the class room for the learners to read. */
  readonly exerciseFile?: string;
  readonly goals: readonly { readonly check: GoalCheck }[];
}

/**
 * Teaches a class: a new one (no `key`: a class room and a key pair are made and the exercise
 * written) or the one of a trainer's link. Resolves with an error message when the server is not
 * there; the class is then not taught.
 */
export async function teach(options: TeachOptions, key?: TeachLink): Promise<string | undefined> {
  endClass();
  const link: TeachLink = key ?? { classKey: (await newRoom()).editKey, ...(await newTrainerKey()) };
  const roomId = await roomIdOf(await viewKeyOf(link.classKey));
  const socket = newSocket(options.collabUrl);
  const ydoc = new Y.Doc();
  const { provider, synced } = connect(socket, roomId, link.classKey, ydoc);
  if (!(await synced)) {
    provider.destroy();
    socket.destroy();
    ydoc.destroy();
    return 'A class needs the designer’s own server (npm start): it could not be reached, so no class was started.';
  }
  const root = ydoc.getMap(CLASS_ROOT);
  if (!key) {
    ydoc.transact(() => {
      root.set(EXERCISE_KEY, options.exerciseId);
      if (options.exerciseFile !== undefined) root.set(EXERCISE_FILE_KEY, options.exerciseFile);
    });
  }
  const theClass: Class = {
    socket,
    ydoc,
    provider,
    key: link,
    goals: options.goals,
    watched: new Map(),
    boxes: new Map(),
  };
  current = theClass;
  classroomStore.setState({
    teaching: {
      exerciseId: options.exerciseId,
      ...(options.exerciseFile === undefined ? {} : { exerciseFile: options.exerciseFile }),
      classLink: `${options.address}${classHash(link)}`,
      teachLink: `${options.address}${teachHash(link)}`,
      learners: [],
    },
  });
  root.observe(() => readRoster(theClass));
  readRoster(theClass);
  return undefined;
}
