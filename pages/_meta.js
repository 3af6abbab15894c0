export default {
  index: 'The rule',
  notes: 'Important notes',
  comparison: 'await vs void vs after()',
}
