import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts'],
    environment: 'node',
    // argon2 hashing in the demo seed takes a moment on two cores.
    testTimeout: 20_000,
  },
});
