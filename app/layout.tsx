import type { Metadata } from 'next'
import type { ReactNode } from 'react'
import { site } from '@/links/site'
import './surface.css'

export const metadata: Metadata = {
  title: { default: site.name, template: `%s – ${site.name}` },
  // The demo surfaces are parts of the docs pages, not pages of their own.
  robots: { index: false },
  // The docs pages' icon (components/PageHead.tsx); without it a browser asks for /favicon.ico, which is no file here.
  icons: { icon: { url: '/favicon.svg', type: 'image/svg+xml' } },
}

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>{children}</body>
    </html>
  )
}
