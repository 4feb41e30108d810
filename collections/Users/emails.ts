import type { PayloadRequest } from 'payload'
import { env } from '@/lib/env'
import { escapeHtml } from '@/lib/html'

/**
 * The account mails, in Danish. Both carry a link to Payload's own "set a new password" page in the admin
 * (`/admin/reset/<token>`) on SITE_URL, never a password: the token works once (Payload clears it when it
 * is used) and only until it expires.
 */

/** How long the link in "Glemt adgangskode" works (Payload's resetPasswordExpiration). */
export const RESET_LINK_MS = 60 * 60 * 1000
/** How long the link in a welcome mail works: a new editor may not read it the same hour. */
export const WELCOME_LINK_MS = 3 * 24 * 60 * 60 * 1000

type Recipient = { name?: string | null; email?: string | null; role?: string | null }

/** The admin's page that sets a new password with `token`, on the public origin. */
export function resetLink(req: PayloadRequest, token: string): string {
  const { routes, admin } = req.payload.config
  return `${env().siteUrl}${routes.admin}${admin.routes.reset}/${encodeURIComponent(token)}`
}

function layout(paragraphs: string[], link: string, linkText: string): string {
  const body = paragraphs.map((p) => `<p>${p}</p>`).join('\n')
  return `<!doctype html>
<html lang="da">
<body style="font-family: Arial, sans-serif; line-height: 1.5; color: #1a1a1a">
${body}
<p><a href="${escapeHtml(link)}">${escapeHtml(linkText)}</a></p>
<p>Virker linket ikke, så kopiér denne adresse ind i din browser:<br>${escapeHtml(link)}</p>
<p>Venlig hilsen<br>Faxe i Fællesskab, Faxe Kommune</p>
</body>
</html>`
}

/** The site as its readers know it: SITE_URL's host (faxeifaellesskab.dk in production). */
const siteName = () => escapeHtml(new URL(env().siteUrl).host)

const greeting = (user: Recipient) => `Kære ${escapeHtml(user.name?.trim() || user.email || '')}`

export const resetPasswordSubject = 'Nulstil din adgangskode til Faxe i Fællesskab'

export function resetPasswordHtml(req: PayloadRequest, token: string, user: Recipient): string {
  return layout(
    [
      `${greeting(user)},`,
      `Vi har fået en anmodning om at nulstille adgangskoden til din konto på ${siteName()}. ` +
        'Brug linket herunder for at vælge en ny adgangskode. Linket virker én gang og udløber om én time.',
      'Har du ikke bedt om en ny adgangskode, kan du se bort fra denne mail: din adgangskode er uændret.',
    ],
    resetLink(req, token),
    'Vælg en ny adgangskode',
  )
}

export const welcomeSubject = 'Velkommen som redaktør på Faxe i Fællesskab'

export function welcomeHtml(req: PayloadRequest, token: string, user: Recipient): string {
  const role = user.role === 'admin' ? 'administrator' : 'redaktør'
  return layout(
    [
      `${greeting(user)},`,
      `Du er blevet oprettet som ${role} på ${siteName()}, Faxe Kommunes hjemmeside for innovation og udvikling.`,
      `Vælg din egen adgangskode med linket herunder. Linket virker én gang og udløber om ${WELCOME_LINK_MS / 86_400_000} dage; ` +
        'derefter kan du bruge «Glemt adgangskode» på login-siden. Du logger ind med denne e-mailadresse.',
    ],
    resetLink(req, token),
    'Vælg din adgangskode',
  )
}
