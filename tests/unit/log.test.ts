import { describe, expect, it } from 'vitest'
import { formatLogLine, loggablePath } from '@/lib/log'

describe('log lines', () => {
  it('are one JSON object with time, level and event, and mask passwords in values', () => {
    const line = formatLogLine(
      'error',
      'database-connection-lost',
      {
        cause: 'cannot connect to postgres://faxe:hunter2-long@db:5432/faxe',
        status: 503,
        skipped: undefined,
      },
      new Date('2026-11-30T12:00:00Z'),
    )
    expect(line).not.toContain('\n')
    expect(JSON.parse(line)).toEqual({
      time: '2026-11-30T12:00:00.000Z',
      level: 'error',
      event: 'database-connection-lost',
      cause: 'cannot connect to postgres://faxe:***@db:5432/faxe',
      status: 503,
    })
  })

  it('log a path without its query string or the token of a reset or verification link', () => {
    expect(loggablePath('/soeg?q=mit+cpr+nummer')).toBe('/soeg')
    expect(loggablePath('/admin/reset/4f1c0ffee')).toBe('/admin/reset/***')
    expect(loggablePath('/api/users/verify/abc123?x=1')).toBe('/api/users/verify/***')
    expect(loggablePath('/historier/et-godt-sted')).toBe('/historier/et-godt-sted')
  })
})
