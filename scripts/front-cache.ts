/**
 * `npm run front-cache -- --listen 127.0.0.1:6081 --backend 127.0.0.1:3000 [--backend ...] [--purger 10.0.0.5]
 *  [--storage 256M] [--pass-all]`
 *
 * Runs Varnish in the foreground as the site's front cache, in front of one or more app instances
 * (`npm start` / `npm run serve`), balanced round robin with health probes on /api/health. The VCL comes
 * from ops/varnish/faxe.vcl.template and is written into a temporary working directory. Ctrl-C or SIGTERM
 * stops varnishd. The app instances purge it when content changes: set FRONT_CACHE_URL on them to this
 * address. See README, "Front cache (Varnish)".
 */
import { parseArgs } from 'node:util'
import { frontCacheOptions, startVarnish } from './lib/varnish'

async function main(): Promise<void> {
  let values: Record<string, string | string[] | boolean | undefined>
  try {
    ;({ values } = parseArgs({
      options: {
        listen: { type: 'string', default: '127.0.0.1:6081' },
        backend: { type: 'string', multiple: true },
        purger: { type: 'string', multiple: true },
        storage: { type: 'string' },
        'pass-all': { type: 'boolean', default: false },
      },
      allowPositionals: false,
    }))
  } catch (error) {
    console.error(`[front-cache] ${(error as Error).message}`)
    process.exit(2)
  }
  const parsed = frontCacheOptions.safeParse({
    listen: values.listen,
    backends: values.backend ?? [],
    purgers: values.purger ?? [],
    storage: values.storage,
    passAll: values['pass-all'],
  })
  if (!parsed.success) {
    console.error(
      `[front-cache] ${parsed.error.issues.map((i) => `${i.path.join('.') || 'options'}: ${i.message}`).join('; ')}`,
    )
    console.error(
      'usage: npm run front-cache -- --listen 127.0.0.1:6081 --backend 127.0.0.1:3000 [--backend host:port ...] [--purger ip-or-network ...]',
    )
    process.exit(2)
  }
  const varnish = await startVarnish(parsed.data, { stdio: 'inherit' })
  console.log(
    `[front-cache] varnishd listening on ${varnish.url}, backends ${parsed.data.backends.join(', ')}; Ctrl-C stops it`,
  )
  let stopping = false
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true
      void varnish.stop().then(() => process.exit(0))
    })
  }
  varnish.process.once('exit', (code) => {
    if (stopping) return
    console.error(`[front-cache] varnishd exited (${code ?? 'signal'})`)
    process.exit(code ?? 1)
  })
}

main().catch((error: unknown) => {
  console.error(`[front-cache] could not start: ${error instanceof Error ? error.message : String(error)}`)
  process.exit(1)
})
