import { getImageProps } from 'next/image'
import type { ImageView } from '@/lib/data/types'

type Props = { image: ImageView; sizes: string; eager?: boolean; className?: string }

/**
 * An uploaded image through next/image's optimiser: responsive sizes, modern formats, and its real width
 * and height so the page does not shift while it loads. `getImageProps` gives the same attributes as
 * <Image> from a server component, so no client component (and none of its JavaScript) is needed for a
 * picture that never changes. The alt text is the editor's required Danish description.
 */
export function MediaImage({ image, sizes, eager = false, className }: Props) {
  const { props } = getImageProps({
    src: image.url,
    alt: image.alt,
    width: image.width,
    height: image.height,
    sizes,
    className,
    ...(eager ? { loading: 'eager' as const, fetchPriority: 'high' as const } : {}),
  })
  // eslint-disable-next-line @next/next/no-img-element -- the attributes come from next/image itself
  return <img {...props} alt={image.alt} />
}
