import type { Access } from 'payload'

/** Public content: anyone, logged in or not, may read it. */
export const anyone: Access = () => true
