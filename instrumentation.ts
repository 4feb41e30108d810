/**
 * Runs once when the Next.js server starts: makes sure the job runner (scheduled publishing) starts with the
 * server, not only when someone first opens the admin or calls the API (which is when Payload would start
 * it). See lib/job-runner.ts.
 */
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== 'nodejs') return
  // `next build` loads this file too; there is nothing to run while building.
  if (process.env.NEXT_PHASE === 'phase-production-build') return
  const { startJobRunnerWhenListening } = await import('@/lib/job-runner')
  startJobRunnerWhenListening()
}
