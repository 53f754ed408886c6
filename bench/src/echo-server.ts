// The minimal server that measures the harness's own ceiling: no Yjs, no document, no checks.
// It relays each binary message of a room to every other socket in that room. The sync
// handshake (step 1 and 2) is dropped: with no document nobody could answer it, and relaying it
// would make every client answer every other. Writes to a socket are corked for the rest of the
// event-loop turn, so a burst costs one system call per socket, not one per message: this server
// should never be what limits a run. Run as its own process: PORT, HOST.
import { createServer } from 'node:http'
import type { Socket } from 'node:net'
import { WebSocketServer, type WebSocket } from 'ws'

const port = Number(process.env.PORT ?? 0)
const host = process.env.HOST ?? '127.0.0.1'
const rooms = new Map<string, Set<WebSocket>>()
const corked = new Set<Socket>()

const uncorkAll = () => {
  for (const socket of corked) socket.uncork()
  corked.clear()
}

function send(peer: WebSocket, data: Buffer): void {
  // `ws` keeps its TCP socket in `_socket`; corking it batches this turn's frames.
  const socket = (peer as unknown as { _socket: Socket })._socket
  if (!corked.has(socket)) {
    if (corked.size === 0) setImmediate(uncorkAll)
    socket.cork()
    corked.add(socket)
  }
  peer.send(data)
}

const http = createServer((_request, response) => {
  response.writeHead(200, { 'content-type': 'text/plain' })
  response.end('okay')
})
const wss = new WebSocketServer({ server: http, perMessageDeflate: false })

wss.on('connection', (socket, request) => {
  const name = (request.url ?? '/').split('?')[0] ?? '/'
  let room = rooms.get(name)
  if (!room) rooms.set(name, (room = new Set()))
  const peers = room
  peers.add(socket)
  socket.on('message', (data: Buffer, isBinary: boolean) => {
    if (!isBinary || data.length < 2) return
    const handshake = data[0] === 0 && data[1] !== 2
    if (handshake) return
    for (const peer of peers) if (peer !== socket && peer.readyState === peer.OPEN) send(peer, data)
  })
  socket.on('close', () => {
    peers.delete(socket)
    if (peers.size === 0) rooms.delete(name)
  })
  socket.on('error', () => {})
})

http.listen(port, host, () => {
  const address = http.address()
  const bound = typeof address === 'object' && address ? address.port : port
  console.log(`echo server listening on ${host}:${bound}`)
})
process.once('SIGTERM', () => process.exit(0))
