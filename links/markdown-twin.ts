import { readFileSync } from 'node:fs'
import path from 'node:path'
import { noteAsMarkdown, versionNotes } from '../demos/build-time/version-notes'
import { folderContents, pageLine } from './page-lines'
import { absoluteUrl, markdownPath } from './site'
import { readSitePages, type SitePage } from './site-pages'

type Attributes = Record<string, string>

function attributes(tag: string): Attributes {
  const found: Attributes = {}
  for (const m of tag.matchAll(/(\w+)=(?:"([^"]*)"|'([^']*)'|\{([^}]*)\})/g)) {
    found[m[1]] = m[2] ?? m[3] ?? m[4]
  }
  return found
}

function fenceFor(code: string): string {
  const longest = Math.max(2, ...Array.from(code.matchAll(/`{3,}/g), (m) => m[0].length))
  return '`'.repeat(longest + 1)
}

/** What a self-closing MDX component becomes in Markdown. */
function componentAsMarkdown(name: string, attrs: Attributes, page: SitePage, root: string): string {
  if (name === 'ReviewComment') return ''
  if (name === 'VersionNote' && attrs.claim) return noteAsMarkdown(versionNotes(page.file, page.body)[attrs.claim]!)
  if (name === 'FolderIndex') {
    return folderContents(readSitePages(root), page.route)
      .map(pageLine)
      .map((line) => `- [${line.label}](${absoluteUrl(markdownPath(line.route))}): ${line.description}`)
      .join('\n')
  }
  if (name === 'Listing' && attrs.file) {
    const code = readFileSync(path.join(root, attrs.file), 'utf8').trimEnd()
    const lang = attrs.file.split('.').pop() ?? ''
    const fence = fenceFor(code)
    const caption = attrs.caption ? ` (${attrs.caption})` : ''
    return `\`${attrs.file}\`${caption}:\n\n${fence}${lang}\n${code}\n${fence}`
  }
  return `*An interactive element (${name}) is here on the live page: ${absoluteUrl(page.route)}*`
}

/**
 * The page as plain Markdown for readers and tools that do not run
 * JavaScript: front matter as title and summary, ESM and MDX comments
 * removed, heading ids dropped, `<Listing>` replaced by the file it shows,
 * `<FolderIndex />` by the folder's pages, `<VersionNote>` by its sentence, other components by a pointer to the live page. Code fences pass through.
 */
export function markdownTwin(page: SitePage, root: string = process.cwd()): string {
  const pageUrl = absoluteUrl(page.route)
  const lines = page.body.split('\n')
  const out: string[] = []
  let fence: string | null = null
  let droppedTitle = false
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]
    const marker = /^\s*(```+|~~~+)/.exec(line)?.[1]
    if (fence !== null || marker) {
      if (marker && (fence === null || marker.startsWith(fence))) fence = fence === null ? marker : null
      out.push(line)
      continue
    }
    if (/^(import|export)\s/.test(line)) {
      // An MDX ESM block runs to the next blank line.
      while (i + 1 < lines.length && lines[i + 1].trim() !== '') i++
      continue
    }
    if (/^\s*\{\/\*.*\*\/\}\s*$/.test(line)) continue
    const tagStart = /^\s*<([A-Z]\w*)/.exec(line)
    if (tagStart) {
      let tag = line
      while (!/\/>\s*$|>\s*$/.test(tag) && i + 1 < lines.length) tag += `\n${lines[++i]}`
      if (/\/>\s*$/.test(tag)) out.push(componentAsMarkdown(tagStart[1], attributes(tag), page, root))
      // An opening tag with Markdown inside keeps the Markdown; its closing tag goes below.
      continue
    }
    if (/^\s*<\/[A-Z]\w*>\s*$/.test(line)) continue
    const heading = /^(#{1,6})\s+(.*?)(?:\s*\[#[A-Za-z0-9_-]+\])?\s*$/.exec(line)
    if (heading) {
      if (heading[1] === '#' && !droppedTitle) {
        droppedTitle = true
        continue
      }
      out.push(`${heading[1]} ${heading[2]}`)
      continue
    }
    out.push(line)
  }
  const body = out.join('\n').replace(/\n{3,}/g, '\n\n').trim()
  return `# ${page.title}\n\n> ${page.description}\n\nLive page, with its interactive demos: ${pageUrl}\n\n${body}\n`
}
