import { spawn } from 'node:child_process'
import path from 'node:path'
import { childEnv } from '@/scripts/lib/server'

/**
 * Runs one of our scripts (`scripts/<name>.ts`) as `npm run` does, with the given environment, and
 * `input` (when given) as its standard input.
 */
export function runScript(
  name: string,
  args: string[],
  env: Record<string, string | undefined>,
  input?: string,
): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const tsx = path.join(process.cwd(), 'node_modules', 'tsx', 'dist', 'cli.mjs')
    const child = spawn(process.execPath, [tsx, '--conditions=production', `scripts/${name}.ts`, ...args], {
      env: childEnv({ NODE_ENV: 'development', ...env }),
      stdio: ['pipe', 'pipe', 'pipe'],
    })
    child.stdin.end(input ?? '')
    let output = ''
    child.stdout.on('data', (d: Buffer) => (output += d.toString()))
    child.stderr.on('data', (d: Buffer) => (output += d.toString()))
    child.on('exit', (code) => resolve({ code, output }))
  })
}
