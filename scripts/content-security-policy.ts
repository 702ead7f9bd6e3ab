// Shared by the Vite build (a meta tag and the preview's header) and the product server (server/app.ts),
// which adds connect-src for its own websocket.

/**
 * The Content-Security-Policy of the production build (issue 7, docs/security.md). Nothing inline,
 * nothing from elsewhere: a crafted file or link cannot run script even if some text escaped.
 */
export const CONTENT_SECURITY_POLICY = [
  "default-src 'self'",
  "script-src 'self'",
  // Tidy up's layout engine (ELK) runs in a module worker of our own origin (decision 026).
  "worker-src 'self'",
  "style-src 'self'",
  "img-src 'self' data: blob:",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'none'",
].join('; ');
