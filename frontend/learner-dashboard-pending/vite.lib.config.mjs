import { defineConfig } from 'vite';
import { fileURLToPath } from 'node:url';
import react from '@vitejs/plugin-react';

const here = (path) => fileURLToPath(new URL(path, import.meta.url));

// The package's own modules (src/index.js and everything it imports, JSX compiled) as one ES
// module in dist/: an MFE's webpack then needs no Babel rule for this package (the learner
// dashboard's own config transpiles only @edx packages). The MFE's libraries stay imports.
const PEERS = /^(react|react-dom|prop-types|@edx\/frontend-platform|@openedx\/paragon|@openedx\/frontend-plugin-framework)(\/.*)?$/;

export default defineConfig({
  plugins: [react()],
  build: {
    outDir: here('./dist'),
    emptyOutDir: true,
    minify: false,
    sourcemap: true,
    lib: { entry: here('./src/index.js'), formats: ['es'], fileName: () => 'index.js' },
    rollupOptions: { external: (id) => PEERS.test(id) },
  },
});
