import { createReadStream, realpathSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, sep } from 'node:path';

// Serves the built designer (dist/) and nothing else (decision 031). Only GET and HEAD; a path that
// leaves the folder, through `..`, an encoded slash or a symbolic link, is a 404 like a missing
// file, so a probe learns nothing about the disk. No directory listing, no guessing of types.

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.webmanifest': 'application/manifest+json',
  '.txt': 'text/plain; charset=utf-8',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
};

/** The file of `root` that `urlPath` names, or undefined when it names none (or one outside). */
export function resolveStatic(root: string, urlPath: string): string | undefined {
  let decoded: string;
  try {
    decoded = decodeURIComponent(urlPath);
  } catch {
    return undefined;
  }
  if (decoded.includes('\0') || decoded.includes('\\') || !decoded.startsWith('/')) return undefined;
  const segments = decoded.split('/').filter((s) => s !== '');
  if (segments.some((s) => s === '..' || s === '.')) return undefined;
  const relative = segments.length === 0 ? 'index.html' : segments.join(sep);
  let real: string;
  try {
    real = realpathSync(join(root, relative));
  } catch {
    return undefined;
  }
  const realRoot = realpathSync(root);
  if (!real.startsWith(realRoot + sep)) return undefined;
  return statSync(real).isFile() ? real : undefined;
}

export interface StaticOptions {
  readonly root: string;
  /** The Content-Security-Policy of an HTML answer, made for the request (its websocket URL). */
  readonly csp: (request: IncomingMessage) => string;
}

/** Answers `request` from the folder, or with 404 / 405. */
export function serveStatic(
  options: StaticOptions,
  request: IncomingMessage,
  response: ServerResponse,
): void {
  response.setHeader('X-Content-Type-Options', 'nosniff');
  response.setHeader('Referrer-Policy', 'no-referrer');
  if (request.method !== 'GET' && request.method !== 'HEAD') {
    response.writeHead(405, { Allow: 'GET, HEAD', 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Method not allowed\n');
    return;
  }
  const path = new URL(request.url ?? '/', 'http://localhost').pathname;
  const file = resolveStatic(options.root, path);
  const type = file ? TYPES[extname(file).toLowerCase()] : undefined;
  if (!file || !type) {
    response.writeHead(404, { 'Content-Type': 'text/plain; charset=utf-8' });
    response.end('Not found\n');
    return;
  }
  const html = type.startsWith('text/html');
  response.writeHead(200, {
    'Content-Type': type,
    'Content-Length': statSync(file).size,
    // Vite names every asset by its content hash: they never change; the page itself always may.
    'Cache-Control': path.startsWith('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache',
    ...(html ? { 'Content-Security-Policy': options.csp(request) } : {}),
  });
  if (request.method === 'HEAD') {
    response.end();
    return;
  }
  createReadStream(file).pipe(response);
}
