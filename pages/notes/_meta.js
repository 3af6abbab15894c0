export default {
  failures: 'When the response fails',
  'where-it-works': 'Where after() works',
  'request-context': 'Request context',
  'callback-errors': 'Errors in a callback',
  ordering: 'Ordering and concurrency',
  streaming: 'Streaming responses',
  duration: 'How long it may run',
}
