/**
 * `npm ci` runs this after installing (package.json "postinstall"): a one-expression fix to Next.js's
 * incremental cache, the same in every copy Next.js ships of it.
 *
 * `IncrementalCache.set` measures every entry with `JSON.stringify(data).length`, though it only uses the
 * size for the data cache's 2 MB limit (`ctx.fetchCache`). A route handler's entry holds its body as a
 * Buffer, which JSON.stringify writes out as an array of numbers: for a sitemap file of 50,000 URLs (6 MB)
 * that is a 21 MB string, built and thrown away on every render: 360-500 ms for that call alone here, and
 * the file's render 140-220 ms faster without it (CPU profile of the production server at 100,000 stories;
 * README, Performance). Measured only when it is used, every entry is stored exactly as before.
 *
 * Plain JavaScript, so it runs before anything else is built. It changes nothing if the files are already
 * fixed, and fails the install if a copy of the code no longer looks as expected (a new Next.js version):
 * then check whether Next.js still needs it, and update or remove this script.
 */
import { readdirSync, readFileSync, writeFileSync } from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'

const nextDir = path.dirname(createRequire(import.meta.url).resolve('next/package.json'))
/** Every file with a copy of `IncrementalCache.set` holds this message. */
const MARKER = 'items over 2MB can not be cached'

/** The readable copies (dist/server, dist/esm/server) and the minified runtimes (dist/compiled/next-server). */
const FIXES = [
  {
    broken: /const itemSize = JSON\.stringify\(data\)\.length;/,
    fixed: 'const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;',
    done: 'const itemSize = ctx.fetchCache ? JSON.stringify(data).length : 0;',
  },
  {
    broken: /let (\w+)=JSON\.stringify\((\w+)\)\.length;if\((\w+)\.fetchCache&&\1>2097152/,
    fixed: 'let $1=$3.fetchCache?JSON.stringify($2).length:0;if($3.fetchCache&&$1>2097152',
    done: /let (\w+)=(\w+)\.fetchCache\?JSON\.stringify\(\w+\)\.length:0;if\(\2\.fetchCache&&\1>2097152/,
  },
]

const files = [
  path.join(nextDir, 'dist/server/lib/incremental-cache/index.js'),
  path.join(nextDir, 'dist/esm/server/lib/incremental-cache/index.js'),
  ...readdirSync(path.join(nextDir, 'dist/compiled/next-server'))
    .filter((name) => name.endsWith('.js'))
    .map((name) => path.join(nextDir, 'dist/compiled/next-server', name)),
]

let changed = 0
const unexpected = []
for (const file of files) {
  const source = readFileSync(file, 'utf8')
  if (!source.includes(MARKER)) continue
  const isDone = ({ done }) => (typeof done === 'string' ? source.includes(done) : done.test(source))
  if (FIXES.some(isDone)) continue
  const fix = FIXES.find(({ broken }) => broken.test(source))
  if (!fix) {
    unexpected.push(path.relative(nextDir, file))
    continue
  }
  writeFileSync(file, source.replace(fix.broken, fix.fixed))
  changed++
}

if (unexpected.length > 0) {
  console.error(
    `scripts/patch-next.mjs: Next.js's IncrementalCache.set no longer looks as this fix expects in ${unexpected.join(', ')}. ` +
      'Check whether the new version still serialises every entry to measure it, and update or remove the script.',
  )
  process.exit(1)
}
console.log(
  `scripts/patch-next.mjs: Next.js's incremental cache measures only data-cache entries (${changed} files fixed)`,
)
