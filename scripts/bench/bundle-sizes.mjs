// Raw and gzip sizes of the JS and CSS a built extension ships, per page.
import { readdir, readFile } from 'node:fs/promises';
import { dirname, join, posix, relative } from 'node:path';
import { gzipSync } from 'node:zlib';

const CODE = /\.(m?js|css)$/;

async function listFiles(dir) {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true });
  return entries
    .filter((e) => e.isFile())
    .map((e) => relative(dir, join(e.parentPath, e.name)).split('\\').join('/'));
}

// Paths an HTML page or a JS chunk loads, relative to the extension root.
function referencedFiles(text, fromFile) {
  const patterns = [
    /(?:src|href)="([^"]+\.(?:m?js|css))"/g,
    /(?:from|import)\s*\(?\s*["']([^"']+\.m?js)["']/g,
  ];
  const found = [];
  for (const pattern of patterns) {
    for (const [, ref] of text.matchAll(pattern)) {
      found.push(
        ref.startsWith('/') ? ref.slice(1) : posix.normalize(posix.join(dirname(fromFile), ref)),
      );
    }
  }
  return found;
}

async function reachableFrom(dir, entry) {
  const seen = new Set();
  const queue = [entry];
  while (queue.length > 0) {
    const file = queue.pop();
    if (seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.css')) continue;
    const text = await readFile(join(dir, file), 'utf8').catch(() => null);
    if (text !== null) queue.push(...referencedFiles(text, file));
  }
  return [...seen].filter((file) => CODE.test(file)).sort();
}

function total(sizes, files) {
  const picked = sizes.filter((s) => files.includes(s.file));
  return {
    raw: picked.reduce((n, s) => n + s.raw, 0),
    gzip: picked.reduce((n, s) => n + s.gzip, 0),
    files: picked.map((s) => s.file),
  };
}

export async function bundleSizes(dir) {
  const files = (await listFiles(dir)).filter((file) => CODE.test(file)).sort();
  const sizes = [];
  for (const file of files) {
    const bytes = await readFile(join(dir, file));
    sizes.push({ file, raw: bytes.length, gzip: gzipSync(bytes, { level: 9 }).length });
  }
  return {
    dir: relative(process.cwd(), dir),
    popup: total(sizes, await reachableFrom(dir, 'popup.html')),
    background: total(sizes, await reachableFrom(dir, 'background.js')),
    all: total(sizes, files),
    files: sizes,
  };
}

/** Names of files in a build that belong to the benchmark: a production build has none. */
export async function benchFilesIn(dir) {
  return (await listFiles(dir)).filter((file) => /bench/i.test(file));
}
