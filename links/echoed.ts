/**
 * What a 404 repeats of the request it refuses: at most `max` characters, so
 * a long junk path is not sent back in full (the demo endpoints cap what
 * they echo the same way).
 */
export function echoed(text: string, max = 100): string {
  return text.length > max ? `${text.slice(0, max)}…` : text
}
