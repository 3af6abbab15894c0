import { unknownApiResponse } from '@/demos/http'

export { unknownApiResponse as GET, unknownApiResponse as POST, unknownApiResponse as PUT }
export { unknownApiResponse as PATCH, unknownApiResponse as DELETE }
