import { inject } from 'vitest'

// Each test file's process talks to the same temporary database as the server the set-up started.
Object.assign(process.env, inject('testEnv'))
