import { generateKeyPairSync } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

/**
 * WeChat's own code-quality audit (代码质量检查 of the developer tools), run offline by
 * miniprogram-ci's checkCodeQuality over the built dist/weapp and the root project.config.json:
 * compression of JS / WXML / WXSS, lazyCodeLoading, image and package size limits, code used only
 * by other packages, unused components, plugins and files. Every check must pass, and there must
 * be as many as WeChat defines (11 in miniprogram-ci 2.1.42): a check that silently disappears
 * fails too.
 */

export const EXPECTED_CHECKS = 11;

interface CheckResult {
  name: string;
  success: boolean;
  text: string;
  detail?: unknown;
}

export async function auditWeapp(projectPath: string): Promise<CheckResult[]> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const ci = require('miniprogram-ci') as {
    Project: new (options: Record<string, unknown>) => unknown;
    checkCodeQuality(project: unknown): Promise<CheckResult[]>;
  };
  // The audit reads files only; the Project still wants an appid and a key, never used offline.
  const folder = mkdtempSync(path.join(os.tmpdir(), 'weapp-audit-'));
  const keyFile = path.join(folder, 'private.key');
  const { privateKey } = generateKeyPairSync('rsa', { modulusLength: 1024 });
  writeFileSync(keyFile, privateKey.export({ type: 'pkcs1', format: 'pem' }));
  try {
    const project = new ci.Project({ appid: 'wx0000000000000000', type: 'miniProgram', projectPath, privateKeyPath: keyFile, ignores: ['node_modules/**/*'] });
    return await ci.checkCodeQuality(project);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}

async function main(): Promise<void> {
  const results = await auditWeapp(path.resolve(__dirname, '..'));
  const passed = results.filter((result) => result.success);
  for (const result of results) {
    // WeChat's text describes the problem, so it is shown for a failed check only.
    const detail = result.detail === undefined ? '' : ` ${JSON.stringify(result.detail)}`;
    console.log(result.success ? `[audit] pass ${result.name}` : `[audit] FAIL ${result.name}: ${result.text}${detail}`);
  }
  console.log(`[audit] ${passed.length}/${results.length} checks pass (${EXPECTED_CHECKS} expected)`);
  // miniprogram-ci keeps a file watcher open: leave explicitly.
  process.exit(passed.length === EXPECTED_CHECKS && results.length === EXPECTED_CHECKS ? 0 : 1);
}

if (require.main === module) void main();
