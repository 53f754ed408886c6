// Runs the store contract against SQLite in a temp folder.
import { openSqliteStore } from '../src/store/sqlite-store.js'
import { tempDir } from './helpers.js'
import { storeContract } from './store-contract.js'

let dir = ''
storeContract('SQLite', {
  open: async () => {
    dir = tempDir()
    return openSqliteStore(dir)
  },
  reopen: async () => openSqliteStore(dir),
  another: async () => openSqliteStore(dir),
})
