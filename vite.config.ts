import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { defineConfig } from 'vitest/config';
import { CONTENT_SECURITY_POLICY } from './scripts/content-security-policy.ts';
import { PURE_MODULE } from './scripts/pure-modules.ts';

export { CONTENT_SECURITY_POLICY };

/** Puts the policy in the built index.html; the dev server (with its inline HMR preamble) goes without. */
function contentSecurityPolicy(): Plugin {
  return {
    name: 'wfm-content-security-policy',
    apply: 'build',
    transformIndexHtml: {
      order: 'post',
      handler: () => [
        {
          tag: 'meta',
          attrs: { 'http-equiv': 'Content-Security-Policy', content: CONTENT_SECURITY_POLICY },
          injectTo: 'head-prepend',
        },
      ],
    },
  };
}

export default defineConfig({
  plugins: [react(), contentSecurityPolicy()],
  // The layout worker is an ES module: it imports the layout code shared with Node.
  worker: { format: 'es' },
  server: { port: 5173, strictPort: false },
  preview: {
    port: 4173,
    strictPort: true,
    headers: { 'Content-Security-Policy': CONTENT_SECURITY_POLICY },
  },
  build: {
    target: 'es2022',
    // No source maps in what is published: they would hand out the sources, comments and all,
    // beside the bundle. e2e/build.spec.ts fails on a .map file or a sourceMappingURL comment.
    sourcemap: false,
    // The first screen is one file on purpose; its budget is checked gzipped by `npm run test:budget`.
    chunkSizeWarningLimit: 700,
    // The first screen's JavaScript is one file, so it compresses as one (docs/performance.md);
    // what it does not need (writers, dialogs, panels, the layout library) stays in lazy chunks.
    rolldownOptions: {
      // The pure layers have no side effects when loaded (zod-config excepted: it configures zod),
      // so a module that only a lazy panel uses stays out of the first screen even when a barrel
      // (`../domain`, `../document`) names it.
      treeshake: {
        moduleSideEffects: (id: string) => !PURE_MODULE.test(id),
        // React's wrappers make no side effects: parts of React Flow the app does not use
        // (the stock mini map, resizer, toolbars) are then left out.
        manualPureFunctions: ['memo', 'forwardRef', 'fixedForwardRef', 'createContext'],
      },
      output: { codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] } },
    },
  },
  test: {
    include: ['src/**/*.test.ts', 'src/**/*.test.tsx', 'cli/**/*.test.ts', 'tests/**/*.test.ts'],
    environment: 'node',
    // Builds the CLI bundle that the tests of the real command run (decision 019).
    globalSetup: ['tests/global-setup.ts'],
    testTimeout: 60_000,
  },
});
