import { ImageResponse } from 'next/og'
import { OG_SIZE, site } from './site'
import type { SitePage } from './site-pages'

/** The page's Open Graph card: site name, title and summary, all from front matter. */
export function ogCard(page: Pick<SitePage, 'title' | 'description'>): ImageResponse {
  return new ImageResponse(
    (
      <div
        style={{
          width: '100%',
          height: '100%',
          display: 'flex',
          flexDirection: 'column',
          justifyContent: 'space-between',
          padding: '72px 80px',
          background: '#0d1117',
          color: '#f0f6fc',
          borderTop: '16px solid #2f81f7',
        }}
      >
        <div style={{ display: 'flex', fontSize: 36, color: '#9ecbff' }}>{site.name}</div>
        <div style={{ display: 'flex', flexDirection: 'column', gap: 28 }}>
          <div style={{ display: 'flex', fontSize: page.title.length > 48 ? 60 : 72, lineHeight: 1.1 }}>
            {page.title}
          </div>
          {/* Two lines at most: a card is read at a glance, the page has the rest. */}
          <div style={{ display: 'block', fontSize: 32, lineHeight: 1.35, color: '#c9d1d9', lineClamp: 2 }}>{page.description}</div>
        </div>
        <div style={{ display: 'flex', fontSize: 26, color: '#8b949e' }}>{site.origin.replace(/^https?:\/\//, '')}</div>
      </div>
    ),
    { ...OG_SIZE, headers: { 'Cache-Control': 'public, max-age=3600' } },
  )
}
