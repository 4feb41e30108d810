/**
 * The admin's navigation groups, written once. Payload groups the sidebar by the label itself, so a group
 * spelt two ways would show as two groups; every collection and global names its group from here.
 */
export const ADMIN_GROUPS = {
  content: { da: 'Indhold', en: 'Content' },
  people: { da: 'Personer', en: 'People' },
  administration: { da: 'Administration', en: 'Administration' },
  settings: { da: 'Indstillinger', en: 'Settings' },
} as const
