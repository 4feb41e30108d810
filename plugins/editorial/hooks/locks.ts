import type { CollectionBeforeOperationHook, GlobalBeforeOperationHook, PayloadRequest } from 'payload'

/**
 * Document locking (Payload's default `lockDocuments`: a lock the admin takes while an editor has a document
 * open, valid five minutes after their last activity) stops a second editor from silently overwriting the
 * first: the save is refused with 423 Locked, and the admin offers to take over.
 *
 * Payload 3.90 enforces that only where the caller passes `overrideLock: false`, which its REST collection
 * endpoints do by default. Its GraphQL resolvers and its REST endpoint for globals pass nothing, which the
 * operations read as "ignore the lock" (and then remove it). Here those get the REST default too: the lock
 * is respected unless the request asks to override it. The Local API (jobs, scripts, our own hooks) keeps
 * Payload's behaviour.
 */
function respectLocks<T extends { overrideLock?: boolean; req?: PayloadRequest }>(args: T): T {
  if (!args || args.overrideLock !== undefined) return args
  const api = args.req?.payloadAPI
  if (api === 'GraphQL') return { ...args, overrideLock: false }
  if (api === 'REST') return { ...args, overrideLock: args.req?.searchParams?.get('overrideLock') === 'true' }
  return args
}

export const respectLocksInGraphQL: CollectionBeforeOperationHook = ({ args, operation }) =>
  operation === 'update' || operation === 'delete' ? respectLocks(args) : args

export const respectGlobalLocks: GlobalBeforeOperationHook = ({ args, operation }) =>
  operation === 'update' ? respectLocks(args) : args
