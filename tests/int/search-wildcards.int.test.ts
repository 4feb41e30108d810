import { describe, expect, it } from 'vitest'
import { get } from '../helpers/http'

/**
 * Found by the security review (issue 10): `/soeg` matched with `LIKE '%…%'`, and `%` and `_` are LIKE's
 * wildcards, so `?q=%` and `?q=_` listed every story. The full-text index has no wildcard characters:
 * neither is a word, so such a query searches for nothing and says so. Runs on every database (no word
 * reaches the database, so the MongoDB test server's missing $text does not matter here).
 */
describe('LIKE wildcards in the search query', () => {
  for (const q of ['%', '_', '%%', '_%_', '%_%']) {
    it(`?q=${q} matches nothing, with a message`, async () => {
      const response = await get(`/soeg?q=${encodeURIComponent(q)}`)
      expect(response.status).toBe(200)
      const html = await response.text()
      expect(html).not.toContain('class="search-results__title"')
      expect(html).toMatch(/indeholder ingen ord at søge efter/)
    })
  }
})
