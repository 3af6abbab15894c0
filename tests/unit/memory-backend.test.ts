import { memoryBackend } from '@/demos/engine'
import { eventFeedContract } from './contracts/event-feed'
import { runStoreContract } from './contracts/run-store'

runStoreContract('memory', memoryBackend)
eventFeedContract('memory', memoryBackend)
