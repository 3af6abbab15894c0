import { existsSync, readFileSync } from 'node:fs'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { listedFiles } from '@/demos/build-time'
import { readSitePages } from '@/links/site-pages'

const root = path.resolve(import.meta.dirname, '../..')

describe('pages load the listings they show', () => {
  it('finds each <Listing file> tag once', () => {
    const mdx = '<Listing file="a.ts" caption="x" />\ntext\n<Listing file="b.tsx" />\n<Listing file="a.ts" />'
    expect(listedFiles(mdx)).toEqual(['a.ts', 'b.tsx'])
  })

  it.each(readSitePages().filter((page) => page.body.includes('<Listing')))(
    '$file loads its listings from its own source, and every listed file exists',
    (page) => {
      const source = readFileSync(path.join(root, page.file), 'utf8')
      expect(source).toContain(`export const getStaticProps = () => listingProps('${page.file}')`)
      for (const file of listedFiles(source)) expect(existsSync(path.join(root, file)), file).toBe(true)
    },
  )
})
