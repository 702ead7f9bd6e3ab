import './document/zod-config';
import '@xyflow/react/dist/base.css';
import './app/app.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/app';
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
const saved = storage ? loadSavedDocument(storage) : ({ kind: 'empty' } as const);
const store = createDesignerStore(saved.kind === 'loaded' ? saved.document : undefined);
store.getState().setTheme(loadThemePreference());
if (saved.kind === 'corrupt') {
  store
    .getState()
    .notify(
      `The saved document could not be read (${saved.reason}). ${
        saved.movedTo ? `It was kept in browser storage under “${saved.movedTo}”.` : ''
      } A new document is open.`,
      'error',
    );
}

const root = window.document.getElementById('root');
if (!root) throw new Error('index.html has no #root element');
createRoot(root).render(
  <StrictMode>
    <App store={store} storage={storage} />
  </StrictMode>,
);
