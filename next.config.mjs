import { fileURLToPath } from 'node:url'
import nextra from 'nextra'

// A production build bakes its origin into canonical and Open Graph tags, cards, the Markdown twins, llms.txt and
// the sitemap: without NEXT_PUBLIC_SITE_URL that origin is http://localhost:3000, wrong on any real deployment.
if (process.argv.includes('build') && !process.env.NEXT_PUBLIC_SITE_URL) {
  const line = '!'.repeat(100)
  console.warn(
    `\n${line}\n!! NEXT_PUBLIC_SITE_URL is not set: this build writes http://localhost:3000 into every canonical and Open Graph\n` +
      `!! tag, Open Graph card, Markdown twin, /llms.txt, /sitemap.xml and /robots.txt. Links visitors copy (receipts,\n` +
      `!! review comments, section links) use the origin they are on. Set it to the public URL when you build.\n${line}\n`,
  )
}

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx',
})

/**
 * As strict as this Nextra site allows. Its docs pages are prerendered,
 * so there is no per-request nonce: Next.js's inline bootstrap scripts and the
 * theme's no-flash script need 'unsafe-inline' (scripts still only come from
 * this origin), and Nextra styles elements inline. No 'unsafe-eval' in
 * production; `next dev` needs it for React Refresh.
 */
const contentSecurityPolicy = [
  "default-src 'self'",
  `script-src 'self' 'unsafe-inline'${process.env.NODE_ENV === 'development' ? " 'unsafe-eval'" : ''}`,
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  // The docs pages embed the App Router demo surfaces from this same origin.
  "frame-src 'self'",
  "frame-ancestors 'self'",
  "worker-src 'self' blob:",
  "manifest-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "form-action 'self'",
].join('; ')

const securityHeaders = [
  { key: 'Content-Security-Policy', value: contentSecurityPolicy },
  { key: 'X-Content-Type-Options', value: 'nosniff' },
  { key: 'Referrer-Policy', value: 'strict-origin-when-cross-origin' },
  // clipboard-write stays allowed for this origin: the "Copy review comment" buttons use it.
  {
    key: 'Permissions-Policy',
    value: 'camera=(), microphone=(), geolocation=(), payment=(), usb=(), browsing-topics=(), clipboard-write=(self)',
  },
  // For browsers that predate frame-ancestors.
  { key: 'X-Frame-Options', value: 'SAMEORIGIN' },
  { key: 'Cross-Origin-Opener-Policy', value: 'same-origin' },
]

export default withNextra({
  reactStrictMode: true,
  poweredByHeader: false,
  // The Redis client is left to Node's own require, not bundled into every route and the middleware.
  serverExternalPackages: ['ioredis'],
  // `npm test` type-checks with tsc right after this build (scripts/build.mjs), test files and route types included.
  typescript: { ignoreBuildErrors: process.env.AFTER_GUIDE_TYPECHECK_AFTER_BUILD === '1' },
  async headers() {
    return [{ source: '/:path*', headers: securityHeaders }]
  },
  async rewrites() {
    return {
      // Every page's Markdown twin: /notes/failures.md and /index.md (the home
      // page) are served by the Route Handler in app/markdown.
      afterFiles: [{ source: '/:path+.md', destination: '/markdown/:path+' }],
      // app/og and app/markdown are prerendered for every page and admit no
      // other path (dynamicParams = false); Next.js then goes on to these, so
      // an unknown page still gets a 404 that says what is wrong.
      fallback: [
        { source: '/og/:path+', destination: '/unknown-page/og/:path+' },
        { source: '/markdown/:path+', destination: '/unknown-page/markdown/:path+' },
        // Any other address that is no page or route: the docs theme's 404
        // (pages/404.mdx: sidebar, search, the closest pages), still status 404.
        // Without it, app/layout.tsx would make Next.js answer with the App
        // Router's bare 404 (app/not-found.tsx).
        { source: '/:path((?!_next/).*)', destination: '/404' },
      ],
    }
  },
  webpack(config, { webpack, isServer }) {
    config.plugins.push(
      new webpack.NormalModuleReplacementPlugin(
        /nextra[\\/]dist[\\/]client[\\/]components[\\/]image-zoom\.js$/,
        fileURLToPath(new URL('./components/image-without-zoom.js', import.meta.url)),
      ),
    )
    if (!isServer) {
      // The Pages Router's bootstrap hydrates through this module: see the module.
      const hydrateInTransition = fileURLToPath(new URL('./components/ui/hydrate-in-transition.js', import.meta.url))
      config.plugins.push(
        new webpack.NormalModuleReplacementPlugin(/^react-dom\/client$/, (resource) => {
          if (/next[\\/]dist[\\/]client[\\/]index\.js$/.test(resource.contextInfo.issuer)) resource.request = hydrateInTransition
        }),
      )
    }
    return config
  },
})
