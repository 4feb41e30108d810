import type { ContactView } from '@/lib/data/types'
import { MediaImage } from '@/components/MediaImage'
import { telHref } from '@/lib/format'

/** "Vil du vide mere?": whom to contact about a story. */
export function ContactBox({ contacts }: { contacts: ContactView[] }) {
  const reachable = contacts.filter((c) => c.email || c.phone)
  if (reachable.length === 0) return null
  return (
    <aside className="contact-box" aria-labelledby="contact-box-heading">
      <h2 id="contact-box-heading">Vil du vide mere?</h2>
      {reachable.map((contact) => {
        const tel = telHref(contact.phone)
        return (
          <div key={contact.id} className="contact-box__person">
            {contact.photo ? (
              <MediaImage image={contact.photo} sizes="4rem" className="person-photo person-photo--small" />
            ) : null}
            <p>
              Kontakt <strong>{contact.name}</strong>
              {contact.title ? `, ${contact.title.toLowerCase()}` : ''}
            </p>
            <ul>
              {contact.email ? (
                <li>
                  <a href={`mailto:${contact.email}`}>{contact.email}</a>
                </li>
              ) : null}
              {tel && contact.phone ? (
                <li>
                  <a href={tel}>{contact.phone}</a>
                </li>
              ) : null}
            </ul>
          </div>
        )
      })}
    </aside>
  )
}
