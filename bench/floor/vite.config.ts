import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// The floor of the open scenarios (docs/performance.md): plain React Flow, built the way the
// designer is built (the same React, @xyflow/react and plugin, the same target, minified), into
// `floor/` of the designer's bench build, so the same preview server serves both, with the same
// headers. `bench/run.ts` builds it after the designer (whose build empties bench/.dist).

const HERE = dirname(fileURLToPath(import.meta.url));

export default defineConfig({
  root: HERE,
  plugins: [react()],
  logLevel: 'warn',
  base: '/floor/',
  build: {
    target: 'es2022',
    sourcemap: false,
    outDir: join(HERE, '..', '.dist', 'floor'),
    emptyOutDir: true,
  },
});
