/**
 * Builds the clerk page into web/dist (index.html, style.css, app.js): esbuild bundles web/src/app.ts for current
 * browsers. `npm start` runs it before serving; `node --import tsx web/build.ts` runs it by hand.
 */
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { build } from 'esbuild';

const webDir = path.dirname(fileURLToPath(import.meta.url));

/**
 * Bundles the page into `outDir` (default web/dist) and returns the directory.
 *
 * @example
 * const dir = await buildClerkPage(); // '/…/web/dist'
 */
export async function buildClerkPage(outDir = path.join(webDir, 'dist')): Promise<string> {
  mkdirSync(outDir, { recursive: true });
  await build({
    entryPoints: [path.join(webDir, 'src', 'app.ts')],
    outfile: path.join(outDir, 'app.js'),
    bundle: true,
    format: 'esm',
    target: ['chrome110', 'firefox110', 'safari16'],
    sourcemap: true,
    minify: false,
    logLevel: 'warning',
  });
  copyFileSync(path.join(webDir, 'index.html'), path.join(outDir, 'index.html'));
  copyFileSync(path.join(webDir, 'style.css'), path.join(outDir, 'style.css'));
  return outDir;
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  buildClerkPage().then((dir) => console.log(`clerk page built into ${path.relative(process.cwd(), dir)}`));
}
