import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/ui/**/*.test.tsx'],
    environment: 'node',
    setupFiles: ['tests/setup/i18n.ts'],
    // Two cores: keep workers modest so the crash test's child processes have room.
    maxWorkers: 2,
  },
});
