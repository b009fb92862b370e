// Starts `coproduce serve --demo` on a free local port for the browser tests, and
// stops it afterwards. The binary is the one the Rust tests built.
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';

const root = resolve(import.meta.dirname, '../..');

function freePort() {
  return new Promise((ok, fail) => {
    const s = createServer();
    s.unref();
    s.on('error', fail);
    s.listen(0, '127.0.0.1', () => {
      const { port } = s.address();
      s.close(() => ok(port));
    });
  });
}

export async function startDemo() {
  const bin = process.env.COPRODUCE_BIN ?? join(root, 'target/debug/coproduce');
  const dir = mkdtempSync(join(tmpdir(), 'coproduce-browser-'));
  const port = await freePort();
  const child = spawn(bin, ['serve', '--demo', '--addr', `127.0.0.1:${port}`], {
    cwd: dir,
    stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, RUST_LOG: 'warn' },
  });
  let output = '';
  child.stdout.on('data', (d) => { output += d; });
  child.stderr.on('data', (d) => { output += d; });
  const base = `http://127.0.0.1:${port}`;
  // The demo prints a sign-in for each role: "  Role   email   password".
  const signIns = () => Object.fromEntries(
    [...output.matchAll(/^ {2}(.+?) {2,}(\S+@\S+) +(demo-[0-9a-f]+)$/gm)]
      .map(([, role, email, password]) => [role.trim(), { email, password }]),
  );
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`coproduce exited early:\n${output}`);
    try {
      const r = await fetch(`${base}/readyz`);
      if (r.ok) break;
    } catch { /* not listening yet */ }
    if (Date.now() > deadline) throw new Error(`coproduce did not start:\n${output}`);
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    base,
    signIns: signIns(),
    // Where the demo writes the email it sends, one .eml file each.
    mailDir: join(dir, 'coproduce-demo-mail'),
    async stop() {
      child.kill('SIGTERM');
      await new Promise((r) => (child.exitCode !== null ? r() : child.on('exit', r)));
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
