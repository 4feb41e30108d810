import { PATHS } from '@/lib/paths'
import { escapeHtml } from '@/lib/html'
import { MAX_QUERY_LENGTH } from '@/lib/search-limits'

/**
 * The answers of a request the server could not serve for a reason that passes: the database did not answer
 * (scripts/lib/http-server.ts turns that request's 500 into this), or the server is shutting down. Danish,
 * with the request id the webmaster finds in the log, and never the cause: that goes to the log only.
 * `Retry-After` tells browsers, crawlers and API clients when to try again.
 */

export type Unavailable = 'database' | 'shutting-down'

export const RETRY_AFTER_SECONDS: Record<Unavailable, number> = { database: 30, 'shutting-down': 5 }

const MESSAGES: Record<Unavailable, string> = {
  database: 'Databasen svarer ikke lige nu. Prøv igen om lidt.',
  'shutting-down': 'Serveren genstarter. Prøv igen om et øjeblik.',
}

/** Payload's error shape (see README, API), so API clients read it like any other error. */
export function unavailableJson(reason: Unavailable, requestId: string): string {
  return JSON.stringify({ errors: [{ message: `${MESSAGES[reason]} Fejlkode: ${requestId}` }] })
}

/**
 * A whole page of its own, with the ways on of app/global-error.tsx: the layout needs the database too, so
 * nothing of the site's own rendering can be used. Plain links and a GET search form (cached search pages
 * may still answer).
 */
export function unavailableHtml(reason: Unavailable, requestId: string): string {
  const id = escapeHtml(requestId)
  return `<!DOCTYPE html>
<html lang="da">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>Siden kunne ikke vises · Faxe i Fællesskab</title>
<style>
body{margin:0;font-family:system-ui,sans-serif;line-height:1.5;color:#1a1a1a;background:#fff}
header,main{max-width:40rem;margin:0 auto;padding:1rem}
header a{font-weight:700;color:inherit}
a{color:#00508a}
label{display:block;margin-top:1.5rem}
input,button{font:inherit;padding:.4rem .6rem}
.code{color:#555}
</style>
</head>
<body>
<header><a href="${PATHS.home}">Faxe i Fællesskab</a></header>
<main id="indhold">
<p>Fejl 503</p>
<h1>Siden kunne ikke vises lige nu</h1>
<p>Der opstod en fejl hos os, ikke hos dig. ${MESSAGES[reason]}</p>
<form action="${PATHS.search}" method="get" role="search">
<label for="fejl-soeg">Søg i historier og citater</label>
<input id="fejl-soeg" name="q" type="search" maxlength="${MAX_QUERY_LENGTH}" autocomplete="off">
<button type="submit">Søg</button>
</form>
<ul>
<li><a href="${PATHS.home}">Gå til forsiden</a></li>
<li><a href="${PATHS.stories}">Se alle historier</a></li>
<li><a href="${PATHS.contact}">Kontakt Faxe i Fællesskab</a></li>
</ul>
<p class="code">Fejlkode: ${id}</p>
</main>
</body>
</html>
`
}
