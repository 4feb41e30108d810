import type { CollectionBeforeChangeHook } from 'payload'
import type { Article } from '@/payload-types'

/** `publishedAt` is stamped on the first publish and then left alone (an editor may still change it). */
export const setPublishedAt: CollectionBeforeChangeHook<Article> = ({ data, originalDoc }) => {
  if (data._status === 'published' && !data.publishedAt && !originalDoc?.publishedAt) {
    return { ...data, publishedAt: new Date().toISOString() }
  }
  return data
}
