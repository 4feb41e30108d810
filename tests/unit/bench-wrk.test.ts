import { describe, expect, it } from 'vitest'
import { parseWrk } from '@/bench/wrk'

// The shape `wrk -t2 -c20 -d1s --latency` prints (Debian's wrk 4.1.0), with socket errors and non-2xx answers
// added to a run seen here, and one latency in seconds.
const OUTPUT = `Running 1s test @ http://127.0.0.1:18089/
  2 threads and 20 connections
  Thread Stats   Avg      Stdev     Max   +/- Stdev
    Latency   812.00us    1.02ms  15.21ms   93.41%
    Req/Sec    21.98k     2.31k   25.44k    70.00%
  Latency Distribution
     50%  295.00us
     75%  610.00us
     90%    1.75ms
     99%    1.02s
  43770 requests in 1.00s, 10.52MB read
  Socket errors: connect 0, read 2, write 0, timeout 3
  Non-2xx or 3xx responses: 17
Requests/sec:  43976.03
Transfer/sec:     10.52MB
`

describe('wrk output', () => {
  it('gives the rate, the median and 99th percentile in ms, and the errors', () => {
    expect(parseWrk(OUTPUT)).toEqual({
      requestsPerSecond: 43976.03,
      p50Ms: 0.295,
      p99Ms: 1020,
      non2xx: 17,
      errors: 5,
    })
  })

  it('refuses output it cannot read rather than reporting zero', () => {
    expect(() => parseWrk('unable to connect to 127.0.0.1:1 Connection refused')).toThrow(/could not be read/)
  })
})
