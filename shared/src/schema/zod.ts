// The zod every schema in shared is built with: zod/mini, which the phone loads in a fraction of
// full zod's size, set to full zod's English messages (mini alone says "Invalid input" for all).
import * as z from 'zod/mini'

// Full zod registers English the same way (only when no locale is set), so a server that also
// loads full zod, or an app that sets another locale first, sees no difference.
if (!z.config().localeError) z.config(z.locales.en())

export { z }
