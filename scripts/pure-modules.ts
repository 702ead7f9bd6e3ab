/**
 * Modules of `src/domain`, `src/document` and `src/export`, whose loading has no side effect
 * (decision 011): a bundle may leave out one whose exports it does not use, even when a barrel
 * (`../domain`, `../document`) names it. `zod-config.ts` is the exception: it configures zod, and
 * must run before any schema is built. The app's build (vite.config.ts) and the CLI's
 * (scripts/build-cli.ts) both read this.
 */
export const PURE_MODULE = /[\\/]src[\\/](domain|document|export)[\\/](?!zod-config\.ts$)[^\\/]+\.ts$/;
