import { existsSync } from 'node:fs'
import { type Browser, chromium } from 'playwright-core'

/** Debian's Chromium (`apt-get install -y chromium`); npm cannot download browsers on our machines. */
export const DEFAULT_CHROMIUM_PATH = '/usr/bin/chromium'

/**
 * Headless Chromium as `npm run screenshots` and the browser tests start it: one launch, so both look at
 * the site the same way (no background networking, sync or component updates of the browser's own).
 */
export async function launchChromium(executablePath: string): Promise<Browser> {
  if (!existsSync(executablePath)) {
    throw new Error(
      `Chromium not found at ${executablePath}: run "apt-get install -y chromium" or set CHROMIUM_PATH.`,
    )
  }
  return chromium.launch({
    executablePath,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
      '--no-first-run',
    ],
  })
}
