import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

/** The bundle budget of issue 6, in kB of 1,000 bytes, gzip at level 9 as a static host serves it. */
export const BUDGET = { jsKb: 180, cssKb: 10 } as const;

export interface BundleSize {
  /** The files the first screen loads: the entry, its module preloads and its style sheets. */
  readonly files: readonly { readonly file: string; readonly bytes: number; readonly gzipBytes: number }[];
  readonly jsGzipKb: number;
  readonly cssGzipKb: number;
}

/** What the built `index.html` loads before the first screen can run, measured gzipped. */
export function measureInitialBundle(distDir: string): BundleSize {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const scripts = [...html.matchAll(/<script[^>]*\bsrc="\/?([^"]+\.js)"/g)].map((m) => m[1] ?? '');
  const preloads = [...html.matchAll(/<link[^>]*rel="modulepreload"[^>]*href="\/?([^"]+\.js)"/g)].map(
    (m) => m[1] ?? '',
  );
  const styles = [...html.matchAll(/<link[^>]*rel="stylesheet"[^>]*href="\/?([^"]+\.css)"/g)].map(
    (m) => m[1] ?? '',
  );
  if (scripts.length === 0) throw new Error(`${distDir}/index.html loads no script: is it a Vite build?`);
  const files = [...new Set([...scripts, ...preloads, ...styles])].map((file) => {
    const content = readFileSync(join(distDir, file));
    return { file, bytes: content.length, gzipBytes: gzipSync(content, { level: 9 }).length };
  });
  const sum = (suffix: string) =>
    files.filter((f) => f.file.endsWith(suffix)).reduce((total, f) => total + f.gzipBytes, 0) / 1000;
  return { files, jsGzipKb: sum('.js'), cssGzipKb: sum('.css') };
}
