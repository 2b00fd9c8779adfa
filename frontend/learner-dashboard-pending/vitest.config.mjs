import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

export default defineConfig({
  plugins: [react()],
  resolve: {
    alias: [
      // frontend-platform imports the MFE's 'env.config' (an alias frontend-build defines).
      { find: /^env\.config$/, replacement: here('./test/env.config.js') },
      // Paragon imports SCSS modules and SVGs; the MFE's jest config stubs them the same way.
      { find: /^.*\.s?css$/, replacement: here('./test/style-stub.js') },
      { find: /^.*\.svg$/, replacement: here('./test/file-stub.js') },
    ],
  },
  test: {
    environment: 'jsdom',
    setupFiles: ['./test/setup.js'],
    include: ['src/**/*.test.{js,jsx}', 'test/**/*.test.js'],
    restoreMocks: true,
    // The widget tests render Paragon and wait on the polling loop: vitest's 5 s default is too
    // short on a loaded 2-core CI machine (seen timing out there), not a sign of a hang.
    testTimeout: 20000,
    // Published as extensionless ES modules and CommonJS: pre-bundle them, as webpack bundles
    // them in an MFE.
    deps: {
      optimizer: {
        client: {
          enabled: true,
          include: [
            'react', 'react-dom', 'react/jsx-runtime', 'react-dom/client', 'react-intl', 'prop-types',
            '@testing-library/react', '@edx/frontend-platform', '@openedx/frontend-plugin-framework',
            '@openedx/paragon',
          ],
        },
      },
    },
  },
});
