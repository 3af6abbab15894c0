import type { GetServerSideProps } from 'next'
import Head from 'next/head'
import { ReceiptView, type ReceiptLinks } from '../../components/receipts/ReceiptView'
import { ReceiptRefused } from '../../components/receipts/ReceiptRefused'
import { readReceiptPage, type ReceiptPageProps } from '../../components/receipts/receipt-page'
import { OG_SIZE, site } from '../../links/site'

export const getServerSideProps: GetServerSideProps<ReceiptPageProps> = readReceiptPage

/** A receipt: a run measured on this deployment, redrawn from its signed link. */
/** The docs theme's colour choice (next-themes keeps it as `theme`), applied before paint: this page stands without the theme. */
const THEME_CLASS = `try{var t=localStorage.getItem('theme');document.documentElement.classList.toggle('dark',t==='dark'||(t!=='light'&&matchMedia('(prefers-color-scheme: dark)').matches))}catch(e){}`

export default function ReceiptPage(props: ReceiptPageProps) {
  return (
    <>
      <Head>
        <script dangerouslySetInnerHTML={{ __html: THEME_CLASS }} />
      </Head>
      {'problem' in props ? <ReceiptRefused problem={props.problem} /> : <Receipt {...props} />}
    </>
  )
}

function Receipt(props: Exclude<ReceiptPageProps, { problem: unknown }>) {
  const { receipt, sentence, origin, card, url, links } = props
  return (
    <>
      <Head>
        <title>{`Receipt: ${sentence.slice(0, 60)}… – ${site.name}`}</title>
        <meta name="description" content={sentence} />
        <meta name="robots" content="noindex" />
        <meta property="og:type" content="article" />
        <meta property="og:site_name" content={site.name} />
        <meta property="og:title" content={`A measured run of after() – ${site.name}`} />
        <meta property="og:description" content={sentence} />
        <meta property="og:url" content={url} />
        <meta property="og:image" content={card} />
        <meta property="og:image:width" content={String(OG_SIZE.width)} />
        <meta property="og:image:height" content={String(OG_SIZE.height)} />
        <meta property="og:image:alt" content={sentence} />
        <meta name="twitter:card" content="summary_large_image" />
        <meta name="twitter:title" content={`A measured run of after() – ${site.name}`} />
        <meta name="twitter:description" content={sentence} />
        <meta name="twitter:image" content={card} />
      </Head>
      <ReceiptView receipt={receipt} sentence={sentence} origin={origin} links={links as ReceiptLinks} />
    </>
  )
}
