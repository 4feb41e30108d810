import type { GlobalConfig } from 'payload'
import { ADMIN_GROUPS } from '@/lib/admin-groups'
import { editorialGlobal } from '@/plugins/editorial'

/** What a setting writes itself: access is one of them, so no setting can fall back to Payload's default. */
type SettingsGlobal = Pick<GlobalConfig, 'slug' | 'label' | 'fields'> & {
  access: NonNullable<GlobalConfig['access']>
}

/**
 * What every site-wide setting shares: listed under "Indstillinger", its last 20 versions kept to restore
 * from, and the editorial behaviour (locks, authorship, audit, revalidation of its tag). Access is not part
 * of it: each global writes its own out by name (STYLE.md rule 2).
 */
export function settingsGlobal({ slug, label, access, fields }: SettingsGlobal): GlobalConfig {
  return {
    slug,
    label,
    admin: { group: ADMIN_GROUPS.settings },
    access,
    versions: { max: 20 },
    custom: editorialGlobal(),
    fields,
  }
}
