import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseLocalMode } from '../../backend/local/local-mode';

// M2: LOCAL_MODE is read strictly — `on`, `off` or unset (on), nothing else — and the WeChat
// door has no dev identity to switch on at all.

const root = path.resolve(__dirname, '../..');

/** Runs `npm start`'s entry with `env` and resolves with its exit code and output, or 'listening' once it serves. */
function start(env: Record<string, string>): Promise<{ outcome: number | 'listening'; output: string }> {
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weishishi-mode-'));
  // A stand-in H5 build: without one, start.ts would build the real one first.
  writeFileSync(path.join(folder, 'index.html'), '<!doctype html><title>民生微实事</title>');
  const child = spawn(process.execPath, ['--import', 'tsx', path.join(root, 'backend/local/start.ts')], {
    cwd: root,
    env: { ...process.env, PORT: '0', DB_FILE: path.join(folder, 'test.db'), H5_DIR: folder, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve) => {
    const seen = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('listening on')) {
        child.kill('SIGTERM');
        resolve({ outcome: 'listening', output });
      }
    };
    child.stdout.on('data', seen);
    child.stderr.on('data', seen);
    child.once('exit', (code) => resolve({ outcome: code ?? -1, output }));
  });
}

describe('M2: LOCAL_MODE', () => {
  it.each([
    [undefined, true],
    ['', true],
    ['on', true],
    ['off', false],
  ])('M2: %j is understood (local mode %s)', (value, localMode) => {
    expect(parseLocalMode(value)).toEqual({ ok: true, localMode });
  });

  it.each(['OFF', 'Off', 'false', '0', 'no', 'disabled', 'true', '1', 'yes', 'ON', ' off', 'off '])('M2: %j is refused: neither on nor off', (value) => {
    const parsed = parseLocalMode(value);
    expect(parsed.ok).toBe(false);
    if (!parsed.ok) expect(parsed.message).toContain('LOCAL_MODE must be "on" or "off"');
  });

  it('M2: npm start with LOCAL_MODE=OFF refuses to start (exit 1) and says why, instead of serving with the dev headers on', async () => {
    const { outcome, output } = await start({ LOCAL_MODE: 'OFF' });
    expect(outcome).toBe(1);
    expect(output).toContain('LOCAL_MODE must be "on" or "off"');
    expect(output).not.toContain('listening on');
  }, 30_000);

  it('M2: npm start with LOCAL_MODE=on serves', async () => {
    const { outcome, output } = await start({ LOCAL_MODE: 'on' });
    expect([outcome, output]).toEqual(['listening', expect.stringContaining('local mode')]);
  }, 30_000);

  it('M2: the production bundles (cloud functions) hold no code that reads a dev header', async () => {
    const { buildFunctions } = await import('../../scripts/build-functions');
    const bundles = await buildFunctions();
    for (const bundle of bundles) {
      const code = readFileSync(bundle, 'utf8');
      expect([path.basename(path.dirname(bundle)), /x-dev-(openid|now)/i.test(code)]).toEqual([path.basename(path.dirname(bundle)), false]);
    }
  }, 60_000);
});
