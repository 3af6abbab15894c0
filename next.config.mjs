import nextra from 'nextra'

const withNextra = nextra({
  theme: 'nextra-theme-docs',
  themeConfig: './theme.config.tsx',
})

export default withNextra({
  reactStrictMode: true,
  poweredByHeader: false,
  // Every page's Markdown twin: /notes/failures.md and /index.md (the home page)
  // are served by the Route Handler in app/markdown.
  async rewrites() {
    return [{ source: '/:path+.md', destination: '/markdown/:path+' }]
  },
})
