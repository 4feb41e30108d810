import type { Access, FieldAccess } from 'payload'

/**
 * Nobody, whatever their role: for records only the server writes (the audit log, who-made-it stamps).
 * Hooks that write them say why they bypass access (`overrideAccess: true`).
 */
export const nobody: Access = () => false

export const nobodyField: FieldAccess = () => false
