import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fixDistProjectConfig, missingReleaseSettings } from '../../scripts/build-weapp';
import { checkWeappBuild } from '../../scripts/check-weapp-build';

// The weapp build's own checks: the release refuses to start without its settings, the dist
// project.config.json points at the real cloudfunctions/, and the post-build check fails a build
// whose App or pages do not register (as the stale-cache build did). Uses the dist/weapp that
// `npm test` built just before (skipped when there is none, as in a bare `jest` run).

const root = path.resolve(__dirname, '../..');
const weapp = path.join(root, 'dist/weapp');
const built = existsSync(path.join(weapp, 'app.json'));

describe('release:weapp', () => {
  it('names every missing setting: an empty env, an empty or tourist appid', () => {
    expect(missingReleaseSettings({})).toEqual([expect.stringContaining('TARO_APP_CLOUD_ENV is empty'), expect.stringContaining('TARO_APP_ID is empty')]);
    expect(missingReleaseSettings({ TARO_APP_CLOUD_ENV: ' ', TARO_APP_ID: 'touristappid' })).toHaveLength(2);
    expect(missingReleaseSettings({ TARO_APP_CLOUD_ENV: 'weishishi-prod-1a2b', TARO_APP_ID: 'wx1234567890abcdef' })).toEqual([]);
  });

  it('refuses to build with an empty TARO_APP_CLOUD_ENV, with a clear message and a failing exit code', () => {
    const run = spawnSync('npx', ['tsx', 'scripts/build-weapp.ts', '--release'], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, TARO_APP_CLOUD_ENV: '', TARO_APP_ID: 'wx1234567890abcdef' },
    });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('refusing to build a release');
    expect(run.stderr).toContain('TARO_APP_CLOUD_ENV is empty');
    expect(run.stderr).not.toContain('TARO_APP_ID is empty');
  }, 30_000);
});

(built ? describe : describe.skip)('the post-build check', () => {
  let copy: string;
  beforeEach(() => {
    copy = mkdtempSync(path.join(os.tmpdir(), 'weapp-check-'));
    cpSync(weapp, copy, { recursive: true });
  });
  afterEach(() => rmSync(copy, { recursive: true, force: true }));

  it('passes the build of this run: the App launches once with its env, every page registers', async () => {
    const result = await checkWeappBuild(copy, { cloudEnv: '' });
    // 14 pages, 个人信息 (issue 17), the calendar and library screens (issue 16), the 消息 tab,
    // the summary, inspection and plan screens (issue 18), the 项目 tab (issue 17), and the
    // complaints pages (resident, review) and the 代录 form (issue 18), and the onboarding pages
    // 人员管理, 接受邀请 and 区划管理 (issue 16).
    expect(result).toMatchObject({ problems: [], pages: 28 });
    expect(result.cloudInits).toEqual([{ traceUser: true }]);
  });

  it('fails a build whose app.js registers no App, and one whose launch uses another env', async () => {
    expect((await checkWeappBuild(copy, { cloudEnv: 'weishishi-a-1f2e' })).problems).toEqual([
      'the launch initialised the cloud env "", the build was given "weishishi-a-1f2e"',
    ]);
    writeFileSync(path.join(copy, 'app.js'), readFileSync(path.join(copy, 'app.js'), 'utf8').replace(/\bApp\(/, '(function(){})('));
    expect((await checkWeappBuild(copy)).problems).toContain('app.js does not register the App (its App module is empty: a stale build cache?)');
  });

  it('fails a build where a page of app.json has no module', async () => {
    rmSync(path.join(copy, 'review/pages/audit/index.js'));
    expect((await checkWeappBuild(copy)).problems).toContain('page review/pages/audit/index has no module');
  });

  it('points cloudfunctionRoot of dist/weapp/project.config.json at the repository\'s cloudfunctions/', () => {
    const config = fixDistProjectConfig(copy, path.join(root, 'cloudfunctions'));
    expect(path.resolve(copy, String(config.cloudfunctionRoot))).toBe(path.join(root, 'cloudfunctions'));
    expect(config).toMatchObject({ miniprogramRoot: './', setting: expect.objectContaining({ minified: true, minifyWXML: true, minifyWXSS: true }) });
  });
});
