export default {
  index: 'The rule',
  notes: 'Notes',
  'use-cases': 'Good uses',
  'not-suitable': 'What does not belong',
  decide: 'Does it belong in after()?',
  'related-patterns': 'Related patterns',
  references: 'References',
}
