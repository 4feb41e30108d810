import type { CollectionConfig } from 'payload'

/**
 * Drafts as editors work with them on stories and pages: saved while they type, publishing can be
 * scheduled, and the last 50 versions are kept to restore from. A fresh object for each collection, since
 * Payload fills in its defaults on the config it is given.
 */
export function editorialDrafts(): CollectionConfig['versions'] {
  return {
    drafts: { autosave: { interval: 1500 }, schedulePublish: true },
    maxPerDoc: 50,
  }
}
