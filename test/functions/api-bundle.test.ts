import { existsSync } from 'node:fs';
import path from 'node:path';
import { buildFunctions } from '../../scripts/build-functions';

const bundle = path.resolve(__dirname, '../../cloudfunctions/api/index.js');

describe('the api cloud function bundle', () => {
  beforeAll(async () => {
    await buildFunctions();
  }, 60_000);

  it('is one self-contained file that loads with wx-server-sdk outside CloudBase', async () => {
    expect(existsSync(bundle)).toBe(true);
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const fn = require(bundle) as { main: (event: unknown) => Promise<unknown> };
    expect(typeof fn.main).toBe('function');
  });

  it('refuses with internal and a clear message until the CloudBase store exists', async () => {
    const fn = require(bundle) as { main: (event: unknown) => Promise<unknown> };
    await expect(fn.main({ action: 'me.get', payload: {} })).resolves.toEqual({
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('云端数据存储尚未接入') },
    });
  });
});
