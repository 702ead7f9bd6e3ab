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
const persistence = storage ? createPersistence(storage, store.getState().document, saved?.rev ?? 0) : null;
store.getState().setTheme(loadThemePreference());
const recovered = saved?.recovered[0];
if (recovered) {
  store
    .getState()
    .notify(
      `The saved document could not be read (${recovered.reason}) ${
        recovered.movedTo ? `It was kept in browser storage under “${recovered.movedTo}”. ` : ''
      }${saved?.kind === 'loaded' ? 'The previous save is open.' : 'A new document is open.'}`,
      'error',
    );
}

const root = window.document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} persistence={persistence} />
  </StrictMode>,
);
