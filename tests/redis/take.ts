/** One "instance": takes `count` login attempts on an account and prints what it got (tests/redis). */
import { take, TooManyAttempts } from '@/lib/rate-limit'

const [key, count] = [process.argv[2] ?? '', Number(process.argv[3] ?? 1)]
const req = { responseHeaders: undefined } as unknown as Parameters<typeof take>[0]
// The limiters connect on first use and answer from their memory insurance until Redis is up: warm up
// on a key of no account, then wait for the connection.
await take(req, [['resetByClient', `warm-up-${process.pid}`]])
await new Promise((resolve) => setTimeout(resolve, 500))
const results: string[] = []
for (let i = 0; i < count; i++) {
  try {
    const used = await take(req, [['loginByAccount', key]])
    results.push(String(used.loginByAccount))
  } catch (error) {
    if (!(error instanceof TooManyAttempts)) throw error
    results.push(`429:${(req as { responseHeaders?: Headers }).responseHeaders?.get('retry-after')}`)
  }
}
console.log(results.join(','))
process.exit(0)
