export default {
  index: 'The rule',
}
