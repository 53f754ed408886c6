// No import cycles in any package: modules that import each other, directly or round a loop,
// load in an order that depends on who imports first, and layers stop meaning anything. The
// graph is built with TypeScript's own module resolution, type-only imports included.
import { readdirSync, readFileSync, statSync } from 'node:fs'
import { join, relative } from 'node:path'
import ts from 'typescript'
import { describe, expect, it } from 'vitest'

const root = new URL('../..', import.meta.url).pathname

/** Every .ts/.tsx source file under `dir` (tests too: they are modules of the package). */
function sourceFiles(dir: string): string[] {
  const out: string[] = []
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist' || name.startsWith('.')) continue
    const path = join(dir, name)
    if (statSync(path).isDirectory()) out.push(...sourceFiles(path))
    else if (/\.tsx?$/.test(name) && !name.endsWith('.d.ts')) out.push(path)
  }
  return out
}

/** Each file's imports that resolve to files of the same set. */
function importGraph(files: readonly string[]): Map<string, string[]> {
  const set = new Set(files)
  const options: ts.CompilerOptions = {
    module: ts.ModuleKind.NodeNext,
    moduleResolution: ts.ModuleResolutionKind.Bundler,
    allowImportingTsExtensions: true,
    jsx: ts.JsxEmit.ReactJSX,
  }
  const graph = new Map<string, string[]>()
  for (const file of files) {
    const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true)
    const targets: string[] = []
    for (const ref of info.importedFiles) {
      if (!ref.fileName.startsWith('.')) continue
      const resolved = ts.resolveModuleName(ref.fileName, file, options, ts.sys).resolvedModule
      if (resolved && set.has(resolved.resolvedFileName)) targets.push(resolved.resolvedFileName)
    }
    graph.set(file, targets)
  }
  return graph
}

/** Strongly connected components with more than one file, or a file importing itself. */
function cycles(graph: Map<string, string[]>): string[][] {
  let next = 0
  const index = new Map<string, number>()
  const low = new Map<string, number>()
  const stack: string[] = []
  const onStack = new Set<string>()
  const found: string[][] = []
  // Tarjan's algorithm, iterative (a deep import chain must not overflow the stack).
  for (const start of graph.keys()) {
    if (index.has(start)) continue
    const work: { node: string; edge: number }[] = [{ node: start, edge: 0 }]
    index.set(start, next)
    low.set(start, next++)
    stack.push(start)
    onStack.add(start)
    while (work.length > 0) {
      const frame = work[work.length - 1]!
      const edges = graph.get(frame.node) ?? []
      if (frame.edge < edges.length) {
        const to = edges[frame.edge++]!
        if (!index.has(to)) {
          index.set(to, next)
          low.set(to, next++)
          stack.push(to)
          onStack.add(to)
          work.push({ node: to, edge: 0 })
        } else if (onStack.has(to)) {
          low.set(frame.node, Math.min(low.get(frame.node)!, index.get(to)!))
        }
        continue
      }
      work.pop()
      const parent = work[work.length - 1]
      if (parent) low.set(parent.node, Math.min(low.get(parent.node)!, low.get(frame.node)!))
      if (low.get(frame.node) === index.get(frame.node)) {
        const component: string[] = []
        let member: string
        do {
          member = stack.pop()!
          onStack.delete(member)
          component.push(member)
        } while (member !== frame.node)
        const selfLoop = (graph.get(frame.node) ?? []).includes(frame.node)
        if (component.length > 1 || selfLoop) found.push(component.sort())
      }
    }
  }
  return found
}

describe('import cycles', () => {
  it('finds a cycle when there is one (the check itself)', () => {
    const graph = new Map([
      ['a', ['b']],
      ['b', ['c']],
      ['c', ['a']],
      ['d', ['a']],
      ['e', ['e']],
    ])
    expect(cycles(graph)).toEqual([['a', 'b', 'c'], ['e']])
  })

  it.each(['shared/src', 'server/src', 'server/test', 'client/src', 'bench/src', 'e2e'])(
    'none in %s',
    (dir) => {
      const graph = importGraph(sourceFiles(join(root, dir)))
      // The imports resolved (`./x.js` to x.ts): an empty graph would prove nothing.
      const edges = [...graph.values()].reduce((n, to) => n + to.length, 0)
      expect(edges).toBeGreaterThan(graph.size / 2)
      const found = cycles(graph)
      expect(found.map((c) => c.map((f) => relative(root, f)))).toEqual([])
    },
  )
})
