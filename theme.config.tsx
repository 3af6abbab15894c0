import { getComponents, useConfig, type DocsThemeConfig } from 'nextra-theme-docs'
import { withCopyLink } from './components/headings/CopyLinkHeading'
import { withPlainLinkOffPages } from './components/links/PageOrPlainLink'
import { mdxComponents } from './components/mdx'
import { LastUpdated } from './components/LastUpdated'
import { PageHead } from './components/PageHead'
import { TestedOn } from './components/TestedOn'
import { SearchLoading } from './components/ui/SearchLoading'
import { site } from './links/site'

const nextra = getComponents({ isRawLayout: false, components: {} })
// Nextra's own headings (ids, `#` permalinks, table-of-contents tracking), each with a copy-link button.
const headings = Object.fromEntries(
  (['h1', 'h2', 'h3', 'h4', 'h5', 'h6'] as const).map((tag) => [tag, withCopyLink(nextra[tag] as never)]),
)
// Nextra's link, for the docs pages; a plain one for the addresses they do not serve.
const a = withPlainLinkOffPages(nextra.a as never)

const docsRepositoryBase = `${site.repository}/blob/main`

const config: DocsThemeConfig = {
  logo: <strong>{site.name}</strong>,
  project: { link: site.repository },
  docsRepositoryBase,
  editLink: {
    content: 'Edit this page',
    // Not on the 404 page: it stands for whatever address was mistyped, not for pages/404.mdx.
    component: function EditLink({ className, filePath, children }) {
      if (!filePath || filePath.endsWith('404.mdx')) return null
      return (
        <a className={className} href={`${docsRepositoryBase}/${filePath}`}>
          {children}
        </a>
      )
    },
  },
  feedback: {
    content: 'Question or correction? Open an issue →',
    useLink: function useFeedbackLink() {
      const { title } = useConfig()
      return `${site.repository}/issues/new?labels=feedback&title=${encodeURIComponent(`Feedback: ${title}`)}`
    },
  },
  components: { ...headings, a, ...mdxComponents },
  footer: {
    content: (
      <span>
        {site.name}: every timing on this site is measured on this deployment when you press Run.
      </span>
    ),
  },
  gitTimestamp: LastUpdated,
  head: PageHead,
  // The skip link's target (pages/_app.tsx): focusable, so following the link moves focus into the article.
  main: function SkipTarget({ children }) {
    return (
      <div id="content" tabIndex={-1} className="skip-target">
        {children}
        <TestedOn />
      </div>
    )
  },
  sidebar: { defaultMenuCollapseLevel: 1 },
  search: { loading: SearchLoading },
  // Nextra's default light primary (45% lightness) gives links in inline code 4.46:1, just under 4.5:1.
  color: { hue: { dark: 204, light: 212 }, saturation: 100, lightness: { dark: 55, light: 39 } },
}

export default config
