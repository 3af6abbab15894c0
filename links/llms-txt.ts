import { absoluteUrl, markdownPath, site } from './site'
import { sidebarFolders, type SitePage } from './site-pages'

/** The page's folder, capitalised; a folder's index page opens its own folder's section. */
function sectionOf(route: string): string {
  const segments = route.split('/').filter(Boolean)
  const folder = sidebarFolders.includes(route) ? segments[0] : segments.slice(0, -1)[0]
  return folder ? folder.charAt(0).toUpperCase() + folder.slice(1) : 'Guide'
}

/** `/llms.txt` in the llmstxt.org format: every page's Markdown twin, grouped by folder. */
export function llmsTxt(pages: readonly SitePage[]): string {
  const sections = new Map<string, string[]>()
  for (const page of pages) {
    const name = sectionOf(page.route)
    const entry = `- [${page.title}](${absoluteUrl(markdownPath(page.route))}): ${page.description}`
    sections.set(name, [...(sections.get(name) ?? []), entry])
  }
  const body = [...sections].map(([name, entries]) => `## ${name}\n\n${entries.join('\n')}`).join('\n\n')
  return [
    `# ${site.name}`,
    `> ${site.tagline}: an interactive guide to the Next.js rule "use after() for non-blocking operations", where every timing is measured by a live demo on the same deployment.`,
    `Each page is also available as Markdown at its path plus \`.md\` (the home page at \`/index.md\`); the demos themselves need the live site.`,
    body,
  ].join('\n\n') + '\n'
}
