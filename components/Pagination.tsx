type Props = { page: number; totalPages: number; hrefFor: (page: number) => string; label: string }

/** Previous/next and "side x af y" for a paginated list; nothing when everything fits on one page. */
export function Pagination({ page, totalPages, hrefFor, label }: Props) {
  if (totalPages <= 1) return null
  return (
    <nav className="pagination" aria-label={label}>
      {page > 1 ? (
        <a href={hrefFor(page - 1)} rel="prev">
          ← Nyere
        </a>
      ) : (
        <span />
      )}
      <span aria-current="page">
        Side {page} af {totalPages}
      </span>
      {page < totalPages ? (
        <a href={hrefFor(page + 1)} rel="next">
          Ældre →
        </a>
      ) : (
        <span />
      )}
    </nav>
  )
}
