export default {
  index: 'The rule',
  notes: 'Notes',
}
