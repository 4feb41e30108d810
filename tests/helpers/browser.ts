import type { Browser } from 'playwright-core'
import { DEFAULT_CHROMIUM_PATH, launchChromium as launchAt } from '@/scripts/lib/chromium'

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? DEFAULT_CHROMIUM_PATH

export async function launchChromium(): Promise<Browser> {
  return launchAt(CHROMIUM_PATH)
}
