export default {
  index: 'The rule',
  notes: 'Important notes',
  comparison: 'await vs fire-and-forget vs after()',
  'use-cases': 'Good uses',
  'not-suitable': 'What does not belong',
  decide: 'Does this belong in after()?',
  playground: 'Playground: your own handler',
  'related-patterns': 'Related patterns',
  references: 'References',
  // The page every wrong address gets: it has no source a visitor could edit, nor a date worth showing.
  '404': { display: 'hidden', theme: { timestamp: false } },
  // The receipt pages (pages/receipts/[token].tsx) are reached by their links, not from the sidebar.
  receipts: { display: 'hidden' },
}
