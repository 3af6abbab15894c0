import type { NextApiRequest, NextApiResponse } from 'next'
import { after } from 'next/server'

// A Pages Router API route: after() has no request scope here.
export default function handler(request: NextApiRequest, response: NextApiResponse) {
  try {
    after(() => console.log('never runs'))
    response.status(200).json({ afterThrew: false })
  } catch (error) {
    // Without this catch the visitor would get a 500; the demo shows the message instead.
    response.status(200).json({ afterThrew: true, message: error instanceof Error ? error.message : String(error) })
  }
}
