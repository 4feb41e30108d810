/**
 * Video embeds: which addresses we accept and the privacy-enhanced player address each maps to. Nothing is
 * requested from the host until the reader asks for the video.
 */
export type VideoSource = { provider: 'youtube' | 'vimeo'; id: string; embedUrl: string; watchUrl: string }

export function parseVideoUrl(value: unknown): VideoSource | null {
  if (typeof value !== 'string' || value.trim() === '') return null
  let url: URL
  try {
    url = new URL(value.trim())
  } catch {
    return null
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null
  const host = url.hostname.replace(/^www\.|^m\./, '')
  let id: string | null = null
  if (host === 'youtu.be') id = url.pathname.slice(1)
  else if (host === 'youtube.com' || host === 'youtube-nocookie.com') {
    id =
      url.pathname === '/watch'
        ? url.searchParams.get('v')
        : (url.pathname.match(/^\/(?:embed|shorts|live)\/([^/]+)/)?.[1] ?? null)
  }
  if (id && /^[A-Za-z0-9_-]{6,20}$/.test(id)) {
    return {
      provider: 'youtube',
      id,
      embedUrl: `https://www.youtube-nocookie.com/embed/${id}?autoplay=1`,
      watchUrl: `https://www.youtube.com/watch?v=${id}`,
    }
  }
  if (host === 'vimeo.com' || host === 'player.vimeo.com') {
    const vimeoId = url.pathname.match(/(\d{5,12})/)?.[1]
    if (vimeoId) {
      return {
        provider: 'vimeo',
        id: vimeoId,
        embedUrl: `https://player.vimeo.com/video/${vimeoId}?dnt=1&autoplay=1`,
        watchUrl: `https://vimeo.com/${vimeoId}`,
      }
    }
  }
  return null
}

export function validateVideoUrl(value: unknown): true | string {
  if (value == null || value === '') return true
  return parseVideoUrl(value)
    ? true
    : 'Indsæt et link til en video på YouTube eller Vimeo, fx https://www.youtube.com/watch?v=…'
}
