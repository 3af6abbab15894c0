import type { AppProps } from 'next/app'
import '../components/styles.css'

export default function App({ Component, pageProps }: AppProps) {
  return (
    <>
      {/* First in the tab order, ahead of Nextra's navbar and sidebar (about 28 stops); theme.config's `main` is its target. */}
      <a href="#content" className="skip-link">
        Skip to content
      </a>
      <Component {...pageProps} />
    </>
  )
}
