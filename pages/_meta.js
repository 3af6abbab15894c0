export default {
  index: 'The rule',
  'use-cases': 'Good uses',
  'not-suitable': 'What does not belong',
  decide: 'Does it belong in after()?',
  'related-patterns': 'Related patterns',
  references: 'References',
}
