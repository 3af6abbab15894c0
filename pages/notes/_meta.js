export default {
  failures: 'It runs when the response fails',
  'callback-errors': 'Errors in a callback',
  ordering: 'Ordering and concurrency',
  streaming: 'Streaming responses',
}
