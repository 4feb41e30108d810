/**
 * The dependency gate (`npm run check:deps`, run by .ci/run): the versions with the security fixes
 * this project relies on (see SECURITY.md, "Versions").
 * - `payload` and every `@payloadcms/*` package on one and the same exact version, at least 3.90.1
 *   (3.88-3.90 fixed SQL injection in the SQL adapters, relationship-query leaks, SVG/XML upload XSS, an
 *   account-lockout DoS and an access bypass with `orderable`);
 * - `next` at least 16.3.3 (proxy bypasses, RSC denial of service, image optimiser RCE).
 * Checked both as declared in package.json (exact versions, no ranges) and as installed in node_modules
 * (what package-lock.json resolved, transitive @payloadcms packages included).
 */
import { existsSync, readdirSync, readFileSync } from 'node:fs'
import path from 'node:path'

const MIN_PAYLOAD = '3.90.1'
const MIN_NEXT = '16.3.3'

type Version = [number, number, number]

function parse(version: string): Version | null {
  const match = /^(\d+)\.(\d+)\.(\d+)$/.exec(version)
  return match ? [Number(match[1]), Number(match[2]), Number(match[3])] : null
}

function atLeast(version: string, minimum: string): boolean {
  const [a, b] = [parse(version), parse(minimum)]
  if (!a || !b) return false
  for (let i = 0; i < 3; i++) {
    if (a[i]! !== b[i]!) return a[i]! > b[i]!
  }
  return true
}

function readJson<T>(file: string): T {
  return JSON.parse(readFileSync(file, 'utf8')) as T
}

/** Problems with the dependencies installed under `root`, and a one-line summary. */
export function checkDependencies(root: string): { problems: string[]; summary: string } {
  const manifest = readJson<{
    dependencies?: Record<string, string>
    devDependencies?: Record<string, string>
  }>(path.join(root, 'package.json'))
  const declared = { ...manifest.dependencies, ...manifest.devDependencies }
  const problems: string[] = []

  function installed(name: string): string | null {
    const file = path.join(root, 'node_modules', name, 'package.json')
    return existsSync(file) ? readJson<{ version: string }>(file).version : null
  }

  const payloadFamily = [
    'payload',
    ...(existsSync(path.join(root, 'node_modules', '@payloadcms'))
      ? readdirSync(path.join(root, 'node_modules', '@payloadcms')).map((name) => `@payloadcms/${name}`)
      : []),
  ]
  for (const name of Object.keys(declared)) {
    if ((name === 'payload' || name.startsWith('@payloadcms/')) && !payloadFamily.includes(name))
      payloadFamily.push(name)
  }

  const payloadVersions = new Map<string, string[]>()
  for (const name of payloadFamily) {
    const want = declared[name]
    if (want !== undefined && !parse(want)) {
      problems.push(`${name}: package.json must pin an exact version, not "${want}"`)
    }
    const have = installed(name)
    if (have === null) {
      if (want !== undefined) problems.push(`${name}: declared ${want} but not installed (run npm ci)`)
      continue
    }
    if (want !== undefined && want !== have)
      problems.push(`${name}: package.json says ${want}, installed ${have}`)
    payloadVersions.set(have, [...(payloadVersions.get(have) ?? []), name])
  }
  if (payloadVersions.size > 1) {
    const list = [...payloadVersions].map(([version, names]) => `${version} (${names.join(', ')})`).join('; ')
    problems.push(`payload and @payloadcms/* must be one version, found: ${list}`)
  }
  for (const version of payloadVersions.keys()) {
    if (!atLeast(version, MIN_PAYLOAD))
      problems.push(`payload family at ${version}: needs ${MIN_PAYLOAD} or later`)
  }

  const nextDeclared = declared.next
  const nextInstalled = installed('next')
  if (nextDeclared === undefined || !parse(nextDeclared)) {
    problems.push(`next: package.json must pin an exact version, not "${nextDeclared}"`)
  }
  if (nextInstalled === null) problems.push('next: not installed (run npm ci)')
  else if (!atLeast(nextInstalled, MIN_NEXT))
    problems.push(`next ${nextInstalled}: needs ${MIN_NEXT} or later`)

  const [payloadVersion] = [...payloadVersions.keys()]
  return {
    problems,
    summary: `payload and ${payloadFamily.length - 1} @payloadcms packages on ${payloadVersion} (>= ${MIN_PAYLOAD}), next ${nextInstalled} (>= ${MIN_NEXT})`,
  }
}
