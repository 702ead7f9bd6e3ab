// First: it starts opening the library and fetching the canvas before the rest is evaluated.
import { libraryDatabase } from './app/open-early';
import './document/zod-config';
import '@xyflow/react/dist/base.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { openSharedLink } from './app/document-actions';
import { DocumentLibrary } from './app/library/library';
import { attachToPage } from './app/library/page-events';
import { CHANNEL_NAME, LibrarySession } from './app/library/session';
import { SHARE_PREFIX } from './app/share-link-prefix';
import { createDesignerStore } from './store/store';
import { loadThemePreference } from './ui/theme';

function webStorage(kind: 'localStorage' | 'sessionStorage'): Storage | null {
  try {
    return window[kind];
  } catch {
    return null;
  }
}

/** The library, or `null` when IndexedDB is off, refuses, or does not answer within 10 s. */
async function openLibrary(): Promise<DocumentLibrary | null> {
  const timeout = new Promise<null>((resolve) => setTimeout(() => resolve(null), 10_000));
  return Promise.race([DocumentLibrary.over(libraryDatabase).catch(() => null), timeout]);
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
  const store = createDesignerStore();
  store.getState().setTheme(loadThemePreference());
  const library = await openLibrary();
  // Where an opening's time goes, for the bench (docs/performance.md).
  performance.mark('wfm:open:library');
  let session: LibrarySession | null = null;
  if (library) {
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
        .notify(
          'The documents saved in this browser could not be read, so saving is off in this tab.',
          'error',
        );
    }
  }
  performance.mark('wfm:open:document');
  window.addEventListener('hashchange', () => {
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
}

void start();
