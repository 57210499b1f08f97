import { build } from 'esbuild';
import path from 'node:path';

// Bundles each cloud function into one index.js: WeChat uploads only the function's own folder,
// so everything but wx-server-sdk (installed there from its package.json) must be inside.

const root = path.resolve(__dirname, '..');
const functions = ['api'];

export async function buildFunctions(): Promise<string[]> {
  const outputs: string[] = [];
  for (const name of functions) {
    const outfile = path.join(root, 'cloudfunctions', name, 'index.js');
    await build({
      entryPoints: [path.join(root, 'backend', 'functions', `${name}.ts`)],
      outfile,
      bundle: true,
      platform: 'node',
      target: 'node16',
      format: 'cjs',
      external: ['wx-server-sdk'],
      logLevel: 'warning',
    });
    outputs.push(outfile);
  }
  return outputs;
}

if (require.main === module) {
  buildFunctions().then(
    (outputs) => console.log(`[functions] built ${outputs.map((file) => path.relative(root, file)).join(', ')}`),
    (error) => {
      console.error(error);
      process.exit(1);
    },
  );
}
