import config from '@payload-config'
import { getPayload, type Payload } from 'payload'

/** The Payload instance for `lib/data`. Pages never call this; they call the functions in `lib/data`. */
export function payloadClient(): Promise<Payload> {
  return getPayload({ config })
}
