/**
 * The admin's warning beside a video block without an address (shown through the field's condition only
 * while the address is empty). Readers see nothing of such a block, not even its caption, so the editor
 * must be told here rather than find out on the page.
 */
export function VideoMissingUrl() {
  return (
    <p
      role="status"
      className="video-missing-url"
      style={{
        margin: '0 0 var(--base)',
        padding: 'calc(var(--base) / 2)',
        borderLeft: '4px solid var(--theme-warning-500)',
        background: 'var(--theme-warning-50)',
      }}
    >
      <strong>Videoen mangler en adresse.</strong> Den vises ikke for læserne, før der er indsat et link til
      YouTube eller Vimeo.
    </p>
  )
}
