import type { NextApiRequest, NextApiResponse } from 'next'
import { after } from 'next/server'
import { nextVersion, VERSION_HEADER } from '@/demos/versions'

// It reads no body, so Next.js need not parse one.
export const config = { api: { bodyParser: false } }

// A Pages Router API route: after() has no request scope here.
export default function handler(
  _request: NextApiRequest,
  response: NextApiResponse,
) {
  // Which Next.js answered: the page shows it beside the outcome.
  response.setHeader(VERSION_HEADER, nextVersion)
  try {
    after(() => console.log('never runs'))
    response.status(200).json({ afterThrew: false })
  } catch (error) {
    // Uncaught, this would end the request with an error;
    // the demo catches it to show you the message.
    const message = error instanceof Error ? error.message : String(error)
    response.status(200).json({ afterThrew: true, message })
  }
}
