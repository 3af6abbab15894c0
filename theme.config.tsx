import type { DocsThemeConfig } from 'nextra-theme-docs'
import { mdxComponents } from './components/mdx'
import { site } from './components/site'

const config: DocsThemeConfig = {
  logo: <strong>{site.name}</strong>,
  project: { link: site.repository },
  docsRepositoryBase: `${site.repository}/blob/main`,
  components: mdxComponents,
  footer: {
    content: (
      <span>
        {site.name}: every timing on this site is measured on this deployment when you press Run.
      </span>
    ),
  },
  head: (
    <>
      <meta name="viewport" content="width=device-width, initial-scale=1.0" />
    </>
  ),
  sidebar: { defaultMenuCollapseLevel: 1 },
}

export default config
