import type { GetServerSidePropsContext, GetServerSidePropsResult } from 'next'
import { decodeReceipt, receiptCardPath, receiptPath, receiptSecret, receiptSentence, rerunQuery, type Receipt, type TokenProblem } from '../../demos/receipts'
import { findShortLink } from '../../links/short-links'
import { sitePages } from '../../links/site-pages'
import { configuredOrigin } from '../../links/site'
import type { ReceiptLinks } from './ReceiptView'

export type ReceiptPageProps =
  | { problem: TokenProblem }
  | { receipt: Receipt; sentence: string; origin: string; url: string; card: string; links: ReceiptLinks }

/** A receipt never changes: its page may be kept anywhere, for as long as anyone likes. */
const FOREVER = 'public, max-age=31536000, immutable'

/** The origin the visitor asked, unless a public one is configured. */
function requestOrigin({ req }: GetServerSidePropsContext): string {
  if (configuredOrigin) return configuredOrigin
  const proto = req.headers['x-forwarded-proto'] === 'https' ? 'https' : 'http'
  return `${proto}://${req.headers.host ?? 'localhost'}`
}

/**
 * Verifies the token in the address: a tampered one is a 400, one that is
 * not a receipt's shape (truncated, say) a 404, each with a page that says so
 * and no chart. A good one is the receipt with its links: the live demo set up
 * as it ran, and the guide's section.
 */
export async function readReceiptPage(context: GetServerSidePropsContext): Promise<GetServerSidePropsResult<ReceiptPageProps>> {
  const token = String(context.params?.token ?? '')
  const verified = decodeReceipt(token, receiptSecret())
  if ('problem' in verified) {
    context.res.statusCode = verified.problem === 'forged' ? 400 : 404
    context.res.setHeader('Cache-Control', 'no-store')
    return { props: { problem: verified.problem } }
  }
  const { receipt } = verified
  const origin = requestOrigin(context)
  const target = receipt.section ? findShortLink(sitePages(), receipt.section) : undefined
  const [route, anchor] = target ? target.target.split('#') : []
  const query = rerunQuery(receipt)
  const links: ReceiptLinks = target
    ? {
        ...(query !== undefined && { rerun: `${route}?${query}${anchor ? `#${anchor}` : ''}` }),
        section: { href: `/r/${target.slug}`, title: target.title },
      }
    : {}
  context.res.setHeader('Cache-Control', FOREVER)
  return {
    props: { receipt, sentence: receiptSentence(receipt), origin, url: `${origin}${receiptPath(token)}`, card: `${origin}${receiptCardPath(token)}`, links },
  }
}
