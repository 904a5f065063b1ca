// Bundles src/gas for Apps Script: one IIFE plus a top-level function per exported entry point,
// because Apps Script only sees top-level function declarations.
import { copyFileSync, mkdirSync, renameSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import * as esbuild from 'esbuild';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const entry = join(root, 'src/gas/index.ts');
const outdir = join(root, 'dist');
const shared = {
  entryPoints: [entry],
  bundle: true,
  platform: 'neutral',
  mainFields: ['module', 'main'],
  target: 'es2019',
  charset: 'utf8',
  logLevel: 'error',
  legalComments: 'none',
};

export async function build() {
  const probe = await esbuild.build({ ...shared, format: 'esm', write: false, metafile: true, outdir });
  const names = Object.values(probe.metafile.outputs).flatMap((o) => o.exports ?? []);
  const wrappers = names
    .map((n) => `function ${n}() {\n  return nastavnik.${n}.apply(this, arguments);\n}`)
    .join('\n');
  mkdirSync(outdir, { recursive: true });
  // Several test runs may build at once: write aside, then rename, so a reader never sees half a file.
  const tmp = (name) => join(outdir, `.${name}.${process.pid}.tmp`);
  await esbuild.build({
    ...shared,
    format: 'iife',
    globalName: 'nastavnik',
    outfile: tmp('Code.js'),
    footer: { js: `\n// Entry points visible to Apps Script and google.script.run\n${wrappers}\n` },
  });
  copyFileSync(join(root, 'appsscript.json'), tmp('appsscript.json'));
  writeFileSync(tmp('entrypoints.json'), `${JSON.stringify(names, null, 2)}\n`);
  for (const name of ['Code.js', 'appsscript.json', 'entrypoints.json'])
    renameSync(tmp(name), join(outdir, name));
  return names;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const names = await build();
  console.log(`dist/Code.js: ${names.length} entry points`);
}
