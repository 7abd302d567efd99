import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // The integration tests run on SQLite and on PostgreSQL: this starts a throwaway server.
    globalSetup: ['tests/support/postgres-cluster.ts'],
    // argon2 hashing in the demo seed takes a moment on two cores.
    testTimeout: 20_000,
  },
});
