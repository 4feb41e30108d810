import type { Metadata } from 'next'
import { MediaImage } from '@/components/MediaImage'
import { PATHS } from '@/lib/paths'
import { getContacts } from '@/lib/data/people'
import { telHref } from '@/lib/format'
import { pageMetadata } from '@/lib/seo/metadata'

export const metadata: Metadata = pageMetadata({
  title: 'Kontakt',
  description: 'Kontaktpersoner for Faxe i Fællesskab i Faxe Kommune, med e-mail og telefon.',
  path: PATHS.contact,
})

export default async function ContactPage() {
  const contacts = await getContacts()
  return (
    <div className="container section">
      <h1>Kontakt</h1>
      <p className="page-intro">
        Har du spørgsmål til Faxe i Fællesskab, er du velkommen til at kontakte os.
      </p>
      {contacts.length > 0 ? (
        <ul className="person-grid" role="list">
          {contacts.map((contact) => {
            const tel = telHref(contact.phone)
            return (
              <li key={contact.id} className="person-card">
                {contact.photo ? (
                  <MediaImage image={contact.photo} sizes="6rem" className="person-photo" />
                ) : null}
                <h2 className="person-card__name">{contact.name}</h2>
                <p className="person-card__role">
                  {[contact.title, contact.organisation].filter(Boolean).join(', ')}
                </p>
                <ul className="person-card__links">
                  {contact.email ? (
                    <li>
                      E-mail: <a href={`mailto:${contact.email}`}>{contact.email}</a>
                    </li>
                  ) : null}
                  {tel && contact.phone ? (
                    <li>
                      Telefon: <a href={tel}>{contact.phone}</a>
                    </li>
                  ) : null}
                </ul>
              </li>
            )
          })}
        </ul>
      ) : (
        <p className="empty">Der er ingen kontaktpersoner at vise endnu.</p>
      )}
    </div>
  )
}
