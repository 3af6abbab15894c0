export default {
  'where-it-works': 'Where after() works',
  'request-context': 'Request context',
  duration: 'How long it may run',
}
