'use client'

import { useState } from 'react'

type Props = { embedUrl: string; watchUrl: string; provider: 'youtube' | 'vimeo'; title: string }

const PROVIDER_NAME = { youtube: 'YouTube', vimeo: 'Vimeo' } as const

/**
 * Nothing is requested from the video host until the reader asks for it: the player (and whatever it sets)
 * loads only after the click, from the host's privacy-enhanced address.
 */
export function VideoEmbed({ embedUrl, watchUrl, provider, title }: Props) {
  const [loaded, setLoaded] = useState(false)
  const host = PROVIDER_NAME[provider]
  if (loaded) {
    return (
      <div className="video__frame">
        <iframe
          src={embedUrl}
          title={title}
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
        />
      </div>
    )
  }
  return (
    <div className="video__consent">
      <p>
        Videoen vises fra {host}. Når du afspiller den, sender din browser oplysninger til {host}.
      </p>
      <button type="button" className="button" onClick={() => setLoaded(true)}>
        Afspil video fra {host}
      </button>
      <p className="video__alt">
        Eller <a href={watchUrl}>se videoen på {host}</a>.
      </p>
    </div>
  )
}
