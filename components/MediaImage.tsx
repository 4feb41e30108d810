import Image from 'next/image'
import type { ImageView } from '@/lib/data/types'

type Props = { image: ImageView; sizes: string; eager?: boolean; className?: string }

/**
 * An uploaded image through next/image: responsive sizes, modern formats, and its real width and height
 * so the page does not shift while it loads. The alt text is the editor's required Danish description.
 */
export function MediaImage({ image, sizes, eager = false, className }: Props) {
  return (
    <Image
      src={image.url}
      alt={image.alt}
      width={image.width}
      height={image.height}
      sizes={sizes}
      className={className}
      {...(eager ? { loading: 'eager' as const, fetchPriority: 'high' as const } : {})}
    />
  )
}
