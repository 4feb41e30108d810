/**
 * JSON for a <script type="application/ld+json">. JSON.stringify leaves "<" alone, so a title containing
 * "</script>" would end the script element early; every <, > and & (and the line separators JavaScript
 * treats as newlines) is written as a \u escape instead.
 */
export function serializeJsonLd(data: unknown): string {
  return JSON.stringify(data)
    .replace(/</g, '\\u003c')
    .replace(/>/g, '\\u003e')
    .replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028')
    .replace(/\u2029/g, '\\u2029')
}
