import { site } from './site'

/** The Markdown a reviewer pastes: the advice, then a link to the section that explains it. */
export function reviewComment(text: string, title: string, url: string): string {
  return `${text.trim()} See [${site.name}: ${title}](${url}).`
}
