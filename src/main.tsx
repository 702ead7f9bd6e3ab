import './document/zod-config';
import '@xyflow/react/dist/base.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
import { createPersistence } from './app/persistence';
import { loadSavedDocument } from './app/storage';
import { loadThemePreference } from './app/theme';
import { createDesignerStore } from './store/store';

function browserStorage(): Storage | null {
  try {
    return window.localStorage;
  } catch {
    return null;
  }
}

const storage = browserStorage();
const saved = storage ? loadSavedDocument(storage) : null;
const store = createDesignerStore(saved?.kind === 'loaded' ? saved.document : undefined);
const persistence = storage
  ? createPersistence(storage, store.getState().document, saved?.head ?? null)
  : null;
store.getState().setTheme(loadThemePreference());
if (saved && saved.recovered.length > 0) {
  const kept = saved.recovered.flatMap((recovered) => (recovered.movedTo ? [`“${recovered.movedTo}”`] : []));
  const stuck = saved.recovered.some((recovered) => recovered.movedTo === null);
  const reason = saved.recovered[0]?.reason ?? '';
  store
    .getState()
    .notify(
      `The saved document could not be read (${reason.replace(/\.$/, '')}). ${
        kept.length > 0 ? `It was kept in browser storage under ${kept.join(' and ')}. ` : ''
      }${saved.kind === 'loaded' ? 'The previous save is open.' : 'A new document is open.'}`,
      'error',
    );
  if (persistence && stuck) {
    // The unreadable save could not be moved aside (storage is full): saving would overwrite it.
    persistence.sync.paused = true;
    store
      .getState()
      .setSaveError(
        'Saving in this browser is paused: a saved document that could not be read is still in storage, and there is no room to move it aside. Export the document to a file to keep your work.',
      );
  }
}

const root = window.document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} persistence={persistence} />
  </StrictMode>,
);
