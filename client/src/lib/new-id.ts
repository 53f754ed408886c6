// Ids for drafts and clusters minted on the phone. crypto.randomUUID exists only in secure
// contexts, and phones often reach the server over plain http on the LAN; getRandomValues works.

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'

/** 22 random base64url characters (132 bits), within the shared id format. */
export function newId(): string {
  let id = ''
  for (const byte of crypto.getRandomValues(new Uint8Array(22))) id += ALPHABET[byte & 63]
  return id
}
