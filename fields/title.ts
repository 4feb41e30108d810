import type { TextField } from 'payload'

/*
 * What a document is called: the admin lists it by this field (`useAsTitle`) and, where it has a page,
 * its slug is made from it (slugField({ from })). Written once so that every story and page is titled, and
 * every person, topic and account named, with the same required field and the same label.
 */

/** A story's or a page's title. */
export function titleField(): TextField {
  return { name: 'title', type: 'text', label: { da: 'Titel', en: 'Title' }, required: true }
}

/** The name of an intern, a contact, a topic or a user account. */
export function nameField(): TextField {
  return { name: 'name', type: 'text', label: { da: 'Navn', en: 'Name' }, required: true }
}
