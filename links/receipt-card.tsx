import { ImageResponse } from 'next/og'
import { bars } from '../demos/client/align'
import { alignedRun, runTitle, type Receipt } from '../demos/receipts'
import { SERVER_LANES } from '../demos/engine/timeline'
import { OG_SIZE, site } from './site'

const TRACK = 1040
// The chart's own dark-scheme colours (components/styles.css), so the card reads like the page.
const COLOURS = { browser: '#60a5fa', server: '#34d399', effect: '#a78bfa', error: '#f87171' }
const LEGEND = [
  ['browser: request to response', COLOURS.browser],
  ["server's own steps", COLOURS.server],
  ['side effect', COLOURS.effect],
] as const

/**
 * A receipt's Open Graph card: the measured chart itself, one bar per lane
 * drawn from the recorded timestamps on one time axis, under the sentence, so
 * a pasted link unfurls into the evidence. A receipt never changes, nor does its card.
 */
export function receiptCard(receipt: Receipt, sentence: string): ImageResponse {
  const runs = receipt.runs.map(alignedRun)
  const rows = runs.map((aligned) => ({
    title: runTitle(aligned.run),
    bars: [
      { lane: 'Browser', from: 0, to: aligned.run.browser.lastByte, colour: COLOURS.browser },
      ...bars(aligned).map((bar) => ({
        lane: bar.lane,
        from: bar.from,
        to: bar.to,
        colour: bar.outcome === 'error' ? COLOURS.error : SERVER_LANES.has(bar.lane) ? COLOURS.server : COLOURS.effect,
      })),
    ],
  }))
  const end = Math.max(1, ...rows.flatMap((row) => row.bars.map((bar) => bar.to)))
  const barCount = rows.reduce((sum, row) => sum + row.bars.length, 0)
  const barHeight = Math.max(10, Math.min(30, Math.floor(250 / (barCount + rows.length))))
  const x = (value: number) => Math.round((Math.max(0, value) / end) * TRACK)
  return new ImageResponse(
    (
      <div style={{ width: '100%', height: '100%', display: 'flex', flexDirection: 'column', padding: '44px 80px', background: '#0d1117', color: '#f0f6fc', borderTop: '16px solid #2f81f7' }}>
        <div style={{ display: 'flex', justifyContent: 'space-between', fontSize: 28, color: '#9ecbff' }}>
          <span>{site.name}: a measured run</span>
          <span style={{ color: '#8b949e' }}>Next.js {receipt.serverNextVersion ?? receipt.nextVersion}</span>
        </div>
        <div style={{ display: 'block', fontSize: barCount > 6 ? 24 : 27, lineHeight: 1.3, marginTop: 18, lineClamp: 4 }}>{sentence}</div>
        <div style={{ display: 'flex', gap: 28, marginTop: 16, fontSize: 18, color: '#c9d1d9' }}>
          {LEGEND.map(([name, colour]) => (
            <div key={name} style={{ display: 'flex', alignItems: 'center', gap: 8 }}>
              <div style={{ width: 22, height: 12, borderRadius: 3, background: colour }} />
              {name}
            </div>
          ))}
        </div>
        <div style={{ display: 'flex', flexDirection: 'column', marginTop: 'auto', gap: 6 }}>
          {rows.map((row, index) => (
            <div key={index} style={{ display: 'flex', flexDirection: 'column', gap: 4, marginTop: 6 }}>
              <div style={{ display: 'flex', fontSize: 20, color: '#c9d1d9' }}>{row.title}</div>
              {row.bars.map((bar) => (
                <div key={bar.lane} style={{ display: 'flex', width: TRACK, height: barHeight, background: '#161b22', position: 'relative' }}>
                  <div style={{ position: 'absolute', left: x(bar.from), width: Math.max(3, x(bar.to) - x(bar.from)), height: barHeight, background: bar.colour, borderRadius: 3 }} />
                </div>
              ))}
            </div>
          ))}
          <div style={{ display: 'flex', justifyContent: 'space-between', width: TRACK, fontSize: 18, color: '#8b949e', marginTop: 4 }}>
            <span>0 ms</span>
            <span>{`${Math.round(end).toLocaleString('en-US')} ms`}</span>
          </div>
        </div>
      </div>
    ),
    { ...OG_SIZE, headers: { 'Cache-Control': 'public, max-age=31536000, immutable' } },
  )
}
