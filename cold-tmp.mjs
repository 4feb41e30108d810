import { createClient } from '@libsql/client'
const url = 'file:/work/prof/n100000/faxe.db'
const q = `WITH m AS (
        SELECT d.id, d.kind, d.date, bm25(search_fts, 10.0, 4.0, 1.0) AS score
        FROM search_fts CROSS JOIN search_documents d ON d.id = search_fts.rowid
        WHERE search_fts MATCH ? AND d.kind IN ('story','topic','intern','contact','page')
      ), ranked AS (
        SELECT id, kind, score,
          row_number() OVER (PARTITION BY kind ORDER BY score, date DESC, id DESC) AS n,
          count(*) OVER (PARTITION BY kind) AS total
        FROM m
      )
      SELECT r.kind, r.n, r.total, r.score, d.doc_id, d.path, d.date, d.title, d.lead, d.body
      FROM ranked r CROSS JOIN search_documents d ON d.id = r.id
      WHERE r.n <= 10
      ORDER BY r.kind, r.n`
const match = process.argv[2] ?? 'kystlaug*'
for (const mmap of [0, 2147418112, 0, 2147418112]) {
  const cold = [], warm = [], open = []
  for (let round = 0; round < 7; round++) {
    const c = createClient({ url })
    let t = performance.now()
    await c.execute(`PRAGMA mmap_size = ${mmap}`)
    await c.execute(`PRAGMA cache_size = -65536`)
    open.push(performance.now() - t)
    t = performance.now()
    const r = await c.execute({ sql: q, args: [match] })
    cold.push(performance.now() - t)
    t = performance.now()
    await c.execute({ sql: q, args: [match] })
    warm.push(performance.now() - t)
    if (round === 0 && mmap === 0) console.log('rows', r.rows.length, r.rows[0]?.total)
    c.close()
  }
  const med = (a) => a.sort((x, y) => x - y)[3].toFixed(1)
  console.log({ mmap, open: med(open), cold: med(cold), warm: med(warm) })
}
