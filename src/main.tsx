// First: it starts opening the library and fetching the canvas before the rest is evaluated.
import { libraryDatabase } from './app/open-early';
import './document/zod-config';
import '@xyflow/react/dist/base.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { reopenClass } from './app/class-actions';
import { openSharedLink } from './app/document-actions';
import { DocumentLibrary, STORAGE_OFF_MESSAGE } from './app/library/library';
import { attachToPage } from './app/library/page-events';
import { CHANNEL_NAME, LibrarySession } from './app/library/session';
import { joinLiveLink } from './app/live-actions';
import { SHARE_PREFIX } from './app/share-link-prefix';
import { parseClassHash } from './collab/roster';
import { isLiveHash, parseLiveHash } from './live/links';
import { exerciseProgressOf } from './panels/exercises-progress';
import { createDesignerStore } from './store/store';
import { loadThemePreference } from './ui/theme';

function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

const STORAGE_SLOW_MESSAGE =
  'The storage of this browser did not answer, so this tab does not save and your saved documents are not shown. Export the document to a file to keep your work, and reload the page to try again.';

/**
 * The library, or why there is none: IndexedDB is off or refuses (a private window, a policy),
 * or it does not answer within 10 s. Either way the user is told at once, not at the first save.
 */
async function openLibrary(): Promise<DocumentLibrary | string> {
  const timeout = new Promise<string>((resolve) => setTimeout(() => resolve(STORAGE_SLOW_MESSAGE), 10_000));
  const opened = DocumentLibrary.over(libraryDatabase).then(
    (library) => library ?? STORAGE_OFF_MESSAGE,
    () => STORAGE_OFF_MESSAGE,
  );
  return Promise.race([opened, timeout]);
}

/**
 * A `#doc=` link is read once, at page load, and taken out of the address at once (issue 11): a
 * fragment set later (by another page holding this window) is never loaded by itself.
 */
function takeShareLink(): string | null {
  const { hash, pathname, search } = window.location;
  if (!hash.startsWith(SHARE_PREFIX)) return null;
  window.history.replaceState(null, '', `${pathname}${search}`);
  return hash;
}

async function start(): Promise<void> {
  const link = takeShareLink();
  // A live link stays in the address (decision 032): a reload, online or not, rejoins the room.
  const live = parseLiveHash(window.location.hash);
  const store = createDesignerStore();
  // Wired before the library opens the tab's document, so an exercise under way in it resumes
  // (its progress is kept beside the document, decision 027) and every step after is counted.
  exerciseProgressOf(store);
  store.getState().setTheme(loadThemePreference());
  const library = await openLibrary();
  // Where an opening's time goes, for the bench (docs/performance.md).
  performance.mark('wfm:open:library');
  let session: LibrarySession | null = null;
  if (typeof library === 'string') store.getState().setSaveError(library);
  else {
    session = new LibrarySession(library, store, {
      local: webStorage('localStorage'),
      session: webStorage('sessionStorage'),
      ...(typeof BroadcastChannel === 'function'
        ? { channel: () => new BroadcastChannel(CHANNEL_NAME) }
        : {}),
    });
    try {
      const messages = await session.boot();
      if (messages.length > 0) store.getState().notify(messages.join(' '), 'error');
      store.getState().setLibraryAvailable(true);
      session.start();
      attachToPage(session, store, window);
    } catch {
      session = null;
      store
        .getState()
        .setSaveError(
          'The documents saved in this browser could not be read, so saving is off in this tab. Export the document to a file to keep your work.',
        );
    }
  }
  performance.mark('wfm:open:document');
  window.addEventListener('hashchange', () => {
    if (isLiveHash(window.location.hash)) {
      store
        .getState()
        .notify(
          'A live link was put in this tab’s address. It was not opened: reload the page to join the session.',
        );
      return;
    }
    if (!window.location.hash.startsWith(SHARE_PREFIX)) return;
    store
      .getState()
      .notify(
        'A link to a shared deployment was put in this tab’s address. It was not opened: reload the page to open it as a new document.',
      );
  });

  const root = window.document.getElementById('root');
  if (!root) throw new Error('index.html has no #root element');
  createRoot(root).render(
    <StrictMode>
      <App store={store} session={session} />
    </StrictMode>,
  );
  if (link) await openSharedLink(store, link);
  if (live === 'damaged') {
    store
      .getState()
      .notify(
        'This live link is damaged: its key is not complete. Nothing was opened; ask for the link again.',
        'error',
      );
  } else if (live) await joinLiveLink(store, live);
  // A class link asks the learner's name; a trainer's link reopens the class (decision 035).
  const classLink = parseClassHash(window.location.hash);
  if (classLink === 'damaged') {
    store
      .getState()
      .notify(
        'This class link is damaged: it is not complete. Nothing was opened; ask for the link again.',
        'error',
      );
  } else if (classLink && 'learner' in classLink) {
    store.getState().openDialog({ kind: 'class-join', ...classLink.learner });
  } else if (classLink) await reopenClass(store, classLink.trainer);
}

void start();
