export default {
  index: 'The rule',
  notes: 'Important notes',
  comparison: 'await vs void vs after()',
  'use-cases': 'Good uses',
  'not-suitable': 'What does not belong',
  decide: 'Does it belong in after()?',
  'related-patterns': 'Related patterns',
  references: 'References',
}
