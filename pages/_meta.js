export default {
  index: 'The rule',
  notes: 'Important notes',
  comparison: 'await vs fire-and-forget vs after()',
  'use-cases': 'Good uses',
  'not-suitable': 'What does not belong',
  decide: 'Does this belong in after()?',
  'related-patterns': 'Related patterns',
  references: 'References',
}
