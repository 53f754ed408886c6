#!/usr/bin/env node
// Draws the app's icons into client/public/ (run once; the PNGs are committed): three dots, as
// in dot voting, on the theme colour. PNGs are encoded here with zlib, so nothing is downloaded.
import { writeFileSync } from 'node:fs'
import { dirname, join } from 'node:path'
import { fileURLToPath } from 'node:url'
import { crc32, deflateSync } from 'node:zlib'

const out = join(dirname(fileURLToPath(import.meta.url)), '..', 'public')
const THEME = [0x1f, 0x4e, 0x5f]
const WHITE = [0xff, 0xff, 0xff]
const AMBER = [0xf2, 0xb1, 0x34]

/** Three dots in a row, centred; `scale` shrinks them into the maskable safe zone. */
function dots(scale) {
  const r = 0.12 * scale
  const gap = 0.3 * scale
  return [
    { x: 0.5 - gap, y: 0.5, r, colour: WHITE },
    { x: 0.5, y: 0.5, r, colour: AMBER },
    { x: 0.5 + gap, y: 0.5, r, colour: WHITE },
  ]
}

/** RGBA pixels of a `size` square: background (rounded corners unless full bleed) and dots. */
function draw(size, { corner, scale }) {
  const px = Buffer.alloc(size * size * 4)
  const shapes = dots(scale)
  const SS = 4 // samples per axis, for smooth edges
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      let bg = 0
      const fg = shapes.map(() => 0)
      for (let sy = 0; sy < SS; sy++) {
        for (let sx = 0; sx < SS; sx++) {
          const u = (x + (sx + 0.5) / SS) / size
          const v = (y + (sy + 0.5) / SS) / size
          if (!inRoundedSquare(u, v, corner)) continue
          bg++
          shapes.forEach((s, i) => {
            if ((u - s.x) ** 2 + (v - s.y) ** 2 <= s.r ** 2) fg[i]++
          })
        }
      }
      const n = SS * SS
      let colour = THEME.map((c) => c * (bg / n))
      shapes.forEach((s, i) => {
        const a = fg[i] / n
        colour = colour.map((c, k) => c * (1 - a) + s.colour[k] * a)
      })
      const o = (y * size + x) * 4
      // Colours above are premultiplied by coverage; store them straight.
      const alpha = bg / n
      for (let k = 0; k < 3; k++) px[o + k] = alpha ? Math.round(colour[k] / alpha) : 0
      px[o + 3] = Math.round(alpha * 255)
    }
  }
  return px
}

function inRoundedSquare(u, v, corner) {
  if (corner === 0) return true
  const dx = Math.max(corner - u, 0, u - (1 - corner))
  const dy = Math.max(corner - v, 0, v - (1 - corner))
  return dx * dx + dy * dy <= corner * corner
}

function chunk(type, data) {
  const len = Buffer.alloc(4)
  len.writeUInt32BE(data.length)
  const body = Buffer.concat([Buffer.from(type, 'latin1'), data])
  const crc = Buffer.alloc(4)
  crc.writeUInt32BE(crc32(body))
  return Buffer.concat([len, body, crc])
}

function png(size, rgba) {
  const ihdr = Buffer.alloc(13)
  ihdr.writeUInt32BE(size, 0)
  ihdr.writeUInt32BE(size, 4)
  ihdr[8] = 8 // bit depth
  ihdr[9] = 6 // RGBA
  const rows = Buffer.alloc(size * (size * 4 + 1))
  for (let y = 0; y < size; y++) {
    rows[y * (size * 4 + 1)] = 0 // filter: none
    rgba.copy(rows, y * (size * 4 + 1) + 1, y * size * 4, (y + 1) * size * 4)
  }
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    chunk('IHDR', ihdr),
    chunk('IDAT', deflateSync(rows, { level: 9 })),
    chunk('IEND', Buffer.alloc(0)),
  ])
}

const icons = [
  // "any": rounded corners; the launcher shows it as it is.
  { file: 'icon-192.png', size: 192, corner: 0.18, scale: 1 },
  { file: 'icon-512.png', size: 512, corner: 0.18, scale: 1 },
  // "maskable": full bleed, the dots inside the central 80 % the launcher never crops.
  { file: 'icon-maskable-512.png', size: 512, corner: 0, scale: 0.8 },
  // iOS rounds the corners itself.
  { file: 'apple-touch-icon.png', size: 180, corner: 0, scale: 0.9 },
]
for (const { file, size, corner, scale } of icons) {
  writeFileSync(join(out, file), png(size, draw(size, { corner, scale })))
  console.log(`wrote public/${file}`)
}

const svgDots = dots(1)
  .map(
    (d) =>
      `<circle cx="${d.x * 64}" cy="${d.y * 64}" r="${(d.r * 64).toFixed(2)}" fill="rgb(${d.colour.join(',')})"/>`,
  )
  .join('')
writeFileSync(
  join(out, 'favicon.svg'),
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 64 64"><rect width="64" height="64" rx="11.5" fill="rgb(${THEME.join(',')})"/>${svgDots}</svg>\n`,
)
console.log('wrote public/favicon.svg')
