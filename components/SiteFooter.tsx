import type { FooterView } from '@/lib/data/types'

export function SiteFooter({ footer }: { footer: FooterView }) {
  const links = [...footer.links]
  if (footer.accessibilityStatementUrl && !links.some((l) => l.label === 'Tilgængelighedserklæring')) {
    links.unshift({ label: 'Tilgængelighedserklæring', href: footer.accessibilityStatementUrl })
  }
  return (
    <footer className="site-footer">
      <div className="container site-footer__inner">
        <div className="site-footer__operator">
          {footer.operatorLine ? <p>{footer.operatorLine}</p> : null}
          {footer.addressParts.length > 0 ? (
            <address>
              {footer.addressParts.map((part, i) => (
                <span key={i}>{part}</span>
              ))}
            </address>
          ) : null}
          {footer.editorLine ? <p>{footer.editorLine}</p> : null}
        </div>
        {links.length > 0 ? (
          <nav aria-label="Om sitet">
            <ul className="site-footer__links">
              {links.map((link) => (
                <li key={`${link.href}-${link.label}`}>
                  <a href={link.href}>{link.label}</a>
                </li>
              ))}
            </ul>
          </nav>
        ) : null}
        {footer.copyrightLine ? <p className="site-footer__copyright">{footer.copyrightLine}</p> : null}
      </div>
    </footer>
  )
}
