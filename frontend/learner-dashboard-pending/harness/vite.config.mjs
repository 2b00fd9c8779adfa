import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// Builds the harness page into harness-dist/, served under /learner-dashboard/ by the browser test.
export default defineConfig({
  root: here('.'),
  base: '/learner-dashboard/',
  plugins: [react()],
  resolve: {
    alias: [
      { find: /^env\.config$/, replacement: here('./env.config.jsx') },
      { find: '@openedx-commerce/learner-dashboard-pending', replacement: here('../src/index.js') },
    ],
  },
  // frontend-platform reads its configuration from process.env (webpack's DefinePlugin in an MFE).
  define: { 'process.env': '{}' },
  // Paragon's CSS uses var() in media queries, which lightningcss's minifier refuses.
  build: {
    outDir: here('../harness-dist'), emptyOutDir: true, chunkSizeWarningLimit: 4000, cssMinify: false,
  },
});
