import type { Access, FieldAccess, PayloadRequest } from 'payload'
import { hasRole } from '@/access/roles'

/** Admins only: users, roles and site-wide settings. */
export const isAdmin: Access = ({ req: { user } }) => hasRole(user, 'admin')

export const isAdminField: FieldAccess = ({ req: { user } }) => hasRole(user, 'admin')

/** The same rule where Payload asks with a bare request (the job queue's queue, run and cancel access). */
export const isAdminRequest = ({ req }: { req: PayloadRequest }): boolean => hasRole(req.user, 'admin')
