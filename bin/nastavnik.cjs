#!/usr/bin/env node
// Command line entry: compiles src/cli (TypeScript) with esbuild on first use, then runs it.
const { buildSync } = require('esbuild');
const { statSync, readdirSync, existsSync, renameSync } = require('node:fs');
const { join } = require('node:path');

const root = join(__dirname, '..');
const out = join(root, 'build', 'cli.cjs');

function newestSource(dir) {
  let newest = 0;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestSource(p) : statSync(p).mtimeMs);
  }
  return newest;
}

const sourceTime = Math.max(
  newestSource(join(root, 'src')),
  newestSource(join(root, 'forms')),
  newestSource(join(root, 'bench')),
);
if (!existsSync(out) || statSync(out).mtimeMs < sourceTime) {
  buildSync({
    entryPoints: [join(root, 'src/cli/main.ts')],
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    // Several processes may build at once: write aside, then rename, so none loads half a file.
    outfile: `${out}.${process.pid}.tmp`,
    packages: 'external',
    sourcemap: 'inline',
    logLevel: 'error',
  });
  renameSync(`${out}.${process.pid}.tmp`, out);
}
require(out)
  .main(process.argv.slice(2))
  .then((code) => {
    process.exitCode = code;
  })
  .catch((err) => {
    console.error(err instanceof Error ? err.stack : err);
    process.exitCode = 1;
  });
