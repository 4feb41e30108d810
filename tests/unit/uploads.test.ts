import { describe, expect, it } from 'vitest'
import { safeFileName } from '@/collections/Media/hooks/sanitiseUpload'

describe('safeFileName', () => {
  it.each([
    ['Sommer i Faxe.JPG', 'jpg', 'sommer-i-faxe.jpg'],
    ['../../etc/passwd', 'png', 'passwd.png'],
    ['C:\\fotos\\Rådhuset 2019 (1).jpeg', 'jpg', 'raadhuset-2019-1.jpg'],
    // The "/" in "</script>" is a folder separator as far as a file name goes.
    ['<script>alert(1)</script>.png', 'png', 'script.png'],
    ['<img src=x onerror=alert(1)>.png', 'png', 'img-src-x-onerror-alert-1.png'],
    ['.png', 'png', 'png.png'],
    ['###.png', 'png', 'billede.png'],
    ['æøå', 'webp', 'aeoeaa.webp'],
    ['a\u0000b\u0007c.png', 'png', 'a-b-c.png'],
    ['x'.repeat(200) + '.png', 'png', `${'x'.repeat(80)}.png`],
  ])('%j as a %s becomes %j', (name, extension, expected) => {
    expect(safeFileName(name, extension)).toBe(expected)
  })
})
