import { ShareActions } from '@/components/ShareActions'

/**
 * Ways to pass a story on that load nothing from anyone else: an e-mail with the address, the address
 * itself as a plain link (ShareActions copies it on click when JavaScript runs), and the device's own
 * share sheet where the browser has one.
 */
export function ShareLinks({ url, title }: { url: string; title: string }) {
  const mail = `mailto:?subject=${encodeURIComponent(title)}&body=${encodeURIComponent(`${title}\n${url}`)}`
  return (
    <section className="share" aria-labelledby="share-heading">
      <h2 id="share-heading" className="share__heading">
        Del historien
      </h2>
      <ul className="share__list">
        <li>
          <a href={mail}>Send som e-mail</a>
        </li>
        <ShareActions url={url} title={title} />
      </ul>
    </section>
  )
}
