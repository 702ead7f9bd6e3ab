import { openLibraryDatabase } from './library/database';

// The first module the page evaluates (main.tsx imports it before anything else). It starts the
// two things an opening waits for (decision 020): the library's database opens while the rest of
// the script (React, zod, the app) is evaluated, and the canvas's chunk (React Flow) is requested
// as soon as that evaluation ends (Vite's preload wrapper calls `import()` in the next
// microtask), so it is fetched and compiled while the library reads the document, not after the
// first paint.

function indexedDbFactory(): IDBFactory | undefined {
  try {
    return window.indexedDB;
  } catch {
    // A sandboxed frame throws on reading it: no library, as when storage is off.
    return undefined;
  }
}

/** The library's database, being opened since the page's first line of script. */
export const libraryDatabase = openLibraryDatabase(indexedDbFactory());

/** The canvas and React Flow, fetched from the end of the first script's evaluation. */
export const canvasModule = import('../canvas/designer-canvas');
