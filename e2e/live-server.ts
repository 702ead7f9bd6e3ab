import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

// The product server as a real process for the live-collaboration stories (issue 16): nothing is
// built here; `node --import tsx server/main.ts` serves the build the suite was given (E2E_DIST)
// and the collaboration endpoint on one port, with its SQLite data in a temp folder. Not the vite
// preview server, which has no `/collab`.

const ROOT = fileURLToPath(new URL('..', import.meta.url));

export interface ProductServer {
  /** Where the server prints it serves, e.g. `http://127.0.0.1:40123`. */
  readonly url: string;
  /** Stops the server and deletes its data. */
  stop(): Promise<void>;
}

/** Starts the product server on a free port and resolves with the URL it prints. */
export async function startProductServer(): Promise<ProductServer> {
  const scratch = mkdtempSync(join(tmpdir(), 'wfm-live-e2e-'));
  const child: ChildProcess = spawn(process.execPath, ['--import', 'tsx', join(ROOT, 'server', 'main.ts')], {
    cwd: ROOT,
    env: {
      ...process.env,
      PORT: '0',
      HOST: '127.0.0.1',
      DATA_DIR: join(scratch, 'data'),
      DIST_DIR: resolve(ROOT, process.env.E2E_DIST ?? 'dist'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let errors = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    errors += chunk.toString();
    if (process.env.E2E_SERVER_LOG) process.stderr.write(chunk);
  });
  const url = await new Promise<string>((done, fail) => {
    let out = '';
    child.stdout?.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const match = /WFM Topology Designer: (http:\/\/\S+?)\/?\n/.exec(out);
      if (match?.[1]) done(match[1]);
    });
    child.once('exit', (code) =>
      fail(new Error(`the server exited (${code}) before listening: ${out}${errors}`)),
    );
  });
  return {
    url,
    stop: () =>
      new Promise<void>((done) => {
        const finish = () => {
          rmSync(scratch, { recursive: true, force: true });
          done();
        };
        if (child.exitCode !== null || child.signalCode !== null) finish();
        else {
          child.once('exit', finish);
          child.kill('SIGTERM');
        }
      }),
  };
}
