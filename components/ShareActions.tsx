'use client'

import { type MouseEvent, useState, useSyncExternalStore } from 'react'

const subscribe = () => () => {}
const canShare = () => typeof navigator.share === 'function'
const onServer = () => false

/**
 * The two share actions that need the browser. "Kopiér link" is a plain link to the story, so without
 * JavaScript it still works (open it, or copy it from the context menu); with JavaScript a click copies
 * the address instead. "Del …" appears only where the browser has the Web Share API.
 */
export function ShareActions({ url, title }: { url: string; title: string }) {
  const [copied, setCopied] = useState(false)
  const share = useSyncExternalStore(subscribe, canShare, onServer)

  const copy = (event: MouseEvent<HTMLAnchorElement>) => {
    if (!navigator.clipboard) return
    event.preventDefault()
    navigator.clipboard.writeText(url).then(
      () => setCopied(true),
      // Copying refused (permissions): follow the link instead, as without JavaScript.
      () => window.location.assign(url),
    )
  }

  return (
    <>
      <li>
        <a href={url} onClick={copy}>
          Kopiér link
        </a>
        <span className="share__status" role="status">
          {copied ? ' Linket er kopieret.' : ''}
        </span>
      </li>
      {share ? (
        <li>
          <button
            type="button"
            className="share__button"
            onClick={() => {
              // A dismissed share sheet rejects; that is the reader's choice, not an error.
              navigator.share({ title, url }).catch(() => undefined)
            }}
          >
            Del via enheden
          </button>
        </li>
      ) : null}
    </>
  )
}
