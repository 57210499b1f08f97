import { build } from 'esbuild';
import { renameSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// Bundles each cloud function into one index.js: WeChat uploads only the function's own folder,
// so everything but wx-server-sdk (installed there from its package.json) must be inside. Issue 16:
// exceljs (2 MB, only for export.create) is installed the same way, from the api function's
// package.json, and loaded only when a workbook is written, so that no cold start pays for it.

const root = path.resolve(__dirname, '..');
/** Each entry backend/functions/<name>.ts is bundled into cloudfunctions/<name>/index.js. */
export const functions = ['api', 'cron'];

export async function buildFunctions(): Promise<string[]> {
  const outputs: string[] = [];
  for (const name of functions) {
    const outfile = path.join(root, 'cloudfunctions', name, 'index.js');
    const result = await build({
      entryPoints: [path.join(root, 'backend', 'functions', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk', 'exceljs'],
      logLevel: 'warning',
      write: false,
    });
    // Written whole, then renamed into place: a build running beside this one (two test files,
    // say) or a reader never sees half a file.
    const temporary = `${outfile}.${process.pid}.${Date.now()}.tmp`;
    writeFileSync(temporary, result.outputFiles[0].contents);
    renameSync(temporary, outfile);
    outputs.push(outfile);
  }
  return outputs;
}

if (require.main === module) {
  buildFunctions().then(
    (outputs) =>
      console.log(
        `[functions] built ${outputs.map((file) => `${path.relative(root, file)} (${(statSync(file).size / 1024).toFixed(1)} KB)`).join(', ')}`,
      ),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
