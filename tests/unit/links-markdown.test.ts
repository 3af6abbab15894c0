import { readFileSync } from 'node:fs'
import { describe, expect, it } from 'vitest'
import { absoluteUrl } from '@/links/site'
import { llmsTxt } from '@/links/llms-txt'
import { markdownTwin } from '@/links/markdown-twin'
import { parsePage, readSitePages } from '@/links/site-pages'

const source = `---
title: A note
description: One sentence.
---

import { x } from '../somewhere'

export async function getStaticProps() {
  return { props: {} }
}

# A note [#note]

<ReviewComment anchor="note" text="Advice." />

Some text.

## Section [#section]

{/* a comment */}

<Listing file="app/api/demos/after/route.ts" caption="the route" />

<LiveDemo
  scenarios={['after']}
/>

\`\`\`tsx
<Listing file="kept.ts" />
## not a heading [#kept]
\`\`\`
`

describe('markdownTwin', () => {
  const md = markdownTwin(parsePage('pages/notes/a.mdx', source))

  it('starts with the front matter as title and summary and links the live page', () => {
    expect(md.startsWith(`# A note\n\n> One sentence.\n\nLive page, with its interactive demos: ${absoluteUrl('/notes/a')}\n\nSome text.`)).toBe(true)
  })

  it('drops ESM, comments, review buttons and heading ids', () => {
    for (const gone of ['../somewhere', 'getStaticProps', 'a comment', 'ReviewComment', '[#section]', '# A note [#note]']) {
      expect(md).not.toContain(gone)
    }
    expect(md).toContain('## Section\n')
  })

  it('replaces <Listing> with the file it shows, in a fence', () => {
    const file = readFileSync('app/api/demos/after/route.ts', 'utf8').trimEnd()
    expect(md).toContain(`\`app/api/demos/after/route.ts\` (the route):\n\n\`\`\`ts\n${file}\n\`\`\``)
  })

  it('points other components to the live page', () => {
    expect(md).toContain(`*An interactive element (LiveDemo) is here on the live page: ${absoluteUrl('/notes/a')}*`)
  })

  it('keeps code fences untouched', () => {
    expect(md).toContain('```tsx\n<Listing file="kept.ts" />\n## not a heading [#kept]\n```')
  })
})

describe('markdownTwin of a folder’s index page', () => {
  it('lists the folder’s pages as the sidebar names them, each linked to its twin with its description', () => {
    const md = markdownTwin(readSitePages().find((page) => page.route === '/notes')!)
    const failures = readSitePages().find((page) => page.route === '/notes/failures')!
    expect(md).toContain(`- [When the response fails](${absoluteUrl('/notes/failures.md')}): ${failures.description}`)
    expect(md).not.toContain('FolderIndex')
  })
})

describe('llmsTxt', () => {
  it('lists every page by section as llmstxt.org links to its Markdown twin', () => {
    const pages = [
      parsePage('pages/index.mdx', '---\ntitle: Rule\ndescription: The rule.\n---\n'),
      parsePage('pages/notes.mdx', '---\ntitle: Notes\ndescription: The notes.\n---\n'),
      parsePage('pages/notes/a.mdx', '---\ntitle: A\ndescription: Note A.\n---\n'),
    ]
    const text = llmsTxt(pages)
    expect(text.startsWith('# after-guide\n\n> ')).toBe(true)
    expect(text).toContain(`## Guide\n\n- [Rule](${absoluteUrl('/index.md')}): The rule.`)
    expect(text).toContain(`## Notes\n\n- [Notes](${absoluteUrl('/notes.md')}): The notes.\n- [A](${absoluteUrl('/notes/a.md')}): Note A.`)
  })
})
