// The bundle built from a changed source: what a school gets after an update of forms/*.ts. Built like
// scripts/build.mjs, with chosen files rewritten on load; the entry points are those of dist/.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as esbuild from 'esbuild';

const root = join(__dirname, '..', '..');

/** file (relative to the checkout) → edits applied to its text, each [from, to]; each must match. */
export type SourceEdits = Record<string, ReadonlyArray<readonly [string, string]>>;

export async function variantBundle(edits: SourceEdits): Promise<string> {
  const names: string[] = JSON.parse(readFileSync(join(root, 'dist', 'entrypoints.json'), 'utf8'));
  const wrappers = names
    .map((n) => `function ${n}() {\n  return nastavnik.${n}.apply(this, arguments);\n}`)
    .join('\n');
  const rewrite: esbuild.Plugin = {
    name: 'rewrite',
    setup(build) {
      build.onLoad({ filter: /\.ts$/ }, (args) => {
        const rel = args.path
          .slice(root.length + 1)
          .split('\\')
          .join('/');
        const list = edits[rel];
        if (!list) return undefined;
        let text = readFileSync(args.path, 'utf8');
        for (const [from, to] of list) {
          if (!text.includes(from)) throw new Error(`${rel}: «${from}» not found`);
          text = text.replace(from, to);
        }
        return { contents: text, loader: 'ts' };
      });
    },
  };
  const out = await esbuild.build({
    entryPoints: [join(root, 'src/gas/index.ts')],
    bundle: true,
    platform: 'neutral',
    mainFields: ['module', 'main'],
    target: 'es2019',
    charset: 'utf8',
    logLevel: 'error',
    format: 'iife',
    globalName: 'nastavnik',
    write: false,
    plugins: [rewrite],
    footer: { js: `\n${wrappers}\n` },
  });
  return out.outputFiles[0].text;
}
