/**
 * A drawn run's name: its demo's title, and the Next.js that ran it once the
 * server has said which (its response or event stream), so runs on two
 * versions side by side are told apart by what reported them, not by the page.
 */
export const runTitle = (title: string, nextVersion?: string): string => (nextVersion ? `${title}, Next.js ${nextVersion}` : title)
