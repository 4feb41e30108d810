import { randomBytes } from 'node:crypto'
import { afterAll, describe, expect, it } from 'vitest'
import { isCompleteHtml, logEntries, pause, removeBuilds, startOwnServer } from '../helpers/faults'
import { PATHS } from '@/lib/paths'
import type { RunningServer } from '@/scripts/lib/server'

/**
 * SIGTERM while readers load pages, as a rolling restart or `docker stop` sends it. Readers keep 16
 * connections busy with pages that render (search results for new words) and pages from the cache. What
 * was sent before the signal is answered in full; what comes after is refused cleanly (the connection is
 * refused, or closed before any answer, or answered with the Danish "restarting" 503), never cut off half
 * way; the process exits by itself within 10 s.
 */

let server: RunningServer | undefined

afterAll(async () => {
  await server?.stop()
  removeBuilds()
})

type Outcome = {
  sentAt: number
  status?: number
  complete?: boolean
  body?: string
  /** The error of a request that got no answer at all, by its code (ECONNREFUSED, UND_ERR_SOCKET, …). */
  error?: string
}

function errorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } } | null)?.cause
  return cause?.code ?? (error instanceof Error ? error.name : String(error))
}

describe('SIGTERM under load', () => {
  it('finishes what is in flight, refuses the rest cleanly and exits within 10 s', async () => {
    server = await startOwnServer('shutdown')
    const { url } = server
    const outcomes: Outcome[] = []
    let stopAt = Number.POSITIVE_INFINITY
    const reader = async (n: number) => {
      for (let i = 0; Date.now() < stopAt; i += 1) {
        const pathname =
          i % 2 === 0
            ? `${PATHS.search}?q=${randomBytes(3).toString('hex')}`
            : n % 2
              ? PATHS.home
              : PATHS.stories
        const outcome: Outcome = { sentAt: Date.now() }
        outcomes.push(outcome)
        try {
          const response = await fetch(`${url}${pathname}`)
          outcome.status = response.status
          outcome.body = await response.text()
          outcome.complete = isCompleteHtml(outcome.body)
        } catch (error) {
          outcome.error = errorCode(error)
          // Refused: nothing listens any more. Wait a little rather than spin.
          await pause(50)
        }
      }
    }
    const readers = Array.from({ length: 16 }, (_, n) => reader(n))
    await pause(3_000)

    const exited = new Promise<{ code: number | null; at: number }>((resolve) =>
      server?.process.once('exit', (code) => resolve({ code, at: Date.now() })),
    )
    const signalAt = Date.now()
    server.process.kill('SIGTERM')
    const exit = await exited
    stopAt = Date.now() + 500
    await Promise.all(readers)

    expect(exit.at - signalAt).toBeLessThan(10_000)
    expect(exit.code).toBe(0)

    // Requests sent before the signal (with a margin for the ones still on the wire): all answered in full.
    const before = outcomes.filter((o) => o.sentAt < signalAt - 20)
    expect(before.length).toBeGreaterThan(20)
    const unanswered = before.filter((o) => o.status !== 200 || !o.complete)
    expect(
      unanswered.map((o) => ({ status: o.status, error: o.error, complete: o.complete })),
      'requests sent before SIGTERM that were not answered in full',
    ).toEqual([])

    // After the signal: answered in full, refused before any answer, or the restarting 503.
    const after = outcomes.filter((o) => o.sentAt >= signalAt - 20)
    const refusedOrRestarting = after.filter(
      (o) =>
        (o.status === undefined &&
          o.error !== undefined &&
          ['ECONNREFUSED', 'ECONNRESET', 'UND_ERR_SOCKET'].includes(o.error)) ||
        (o.status === 503 && o.body?.includes('Serveren genstarter.')),
    )
    const answered = after.filter((o) => o.status === 200 && o.complete)
    expect(refusedOrRestarting.length).toBeGreaterThan(0)
    expect(refusedOrRestarting.length + answered.length).toBe(after.length)

    const shutdown = logEntries(server).find((entry) => entry.event === 'shutdown-complete')
    expect(shutdown).toMatchObject({ signal: 'SIGTERM', outcome: 'drained', unfinished: 0 })
  })
})
