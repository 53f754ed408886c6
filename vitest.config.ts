// One runner for every suite: unit (shared, client), integration (server), e2e (Playwright).
import { defineConfig } from 'vitest/config'

export default defineConfig({
  test: {
    projects: [
      {
        test: {
          name: 'shared',
          root: './shared',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'client',
          root: './client',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'server',
          root: './server',
          include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 20_000,
          hookTimeout: 20_000,
        },
      },
      {
        // Repository-wide rules (lint zones).
        test: {
          name: 'repo',
          root: './scripts',
          include: ['test/**/*.test.ts'],
          environment: 'node',
          testTimeout: 60_000,
        },
      },
      {
        // Only the load harness's pure helpers; the harness itself runs with `pnpm bench`.
        test: {
          name: 'bench',
          root: './bench',
          include: ['src/**/*.test.ts'],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'e2e',
          root: './e2e',
          include: ['tests/**/*.test.ts'],
          environment: 'node',
          testTimeout: 90_000,
          hookTimeout: 60_000,
          // Each file starts its own server and browser; two cores run two files at once.
          maxWorkers: 2,
          // Runs after the other projects (it has its own worker count, so its own group).
          sequence: { groupOrder: 1 },
        },
      },
    ],
  },
})
