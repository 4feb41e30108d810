import { describe, expect, it } from 'vitest'
import { isSafeHref, validateHref } from '@/lib/richtext/safe-url'
import { parseVideoUrl } from '@/lib/richtext/video'

describe('isSafeHref', () => {
  it.each([
    'https://coi.dk',
    'http://faxe.dk/x',
    'mailto:tbrag@faxekommune.dk',
    'tel:+4556203000',
    '/historier',
    '#top',
  ])('allows %s', (href) => expect(isSafeHref(href)).toBe(true))

  it.each([
    'javascript:alert(1)',
    ' JaVaScRiPt:alert(1)',
    'data:text/html,<script>',
    'vbscript:x',
    '//evil.example',
    '/\\evil',
    '',
    'ftp://x',
  ])('refuses %j', (href) => expect(isSafeHref(href)).toBe(false))

  it('gives editors a Danish message for a refused link', () => {
    expect(validateHref('javascript:alert(1)')).toMatch(/Linket skal begynde med https:\/\//)
    expect(validateHref('')).toBe(true)
  })
})

describe('parseVideoUrl', () => {
  it('maps YouTube addresses to the privacy-enhanced player', () => {
    expect(parseVideoUrl('https://www.youtube.com/watch?v=dQw4w9WgXcQ')?.embedUrl).toBe(
      'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    )
    expect(parseVideoUrl('https://youtu.be/dQw4w9WgXcQ')?.id).toBe('dQw4w9WgXcQ')
  })

  it('maps Vimeo addresses to the do-not-track player', () => {
    expect(parseVideoUrl('https://vimeo.com/123456789')?.embedUrl).toBe(
      'https://player.vimeo.com/video/123456789?dnt=1&autoplay=1',
    )
  })

  it('refuses other hosts and schemes', () => {
    expect(parseVideoUrl('https://evil.example/watch?v=dQw4w9WgXcQ')).toBeNull()
    expect(parseVideoUrl('javascript:alert(1)')).toBeNull()
    expect(parseVideoUrl(undefined)).toBeNull()
  })
})
