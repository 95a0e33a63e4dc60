import path from 'node:path';
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

// One SPA: the portal at /, the staff console at /console/. Built into dist/web and served by Fastify.
export default defineConfig({
  root: path.resolve(import.meta.dirname),
  plugins: [react()],
  build: {
    outDir: path.resolve(import.meta.dirname, '../dist/web'),
    emptyOutDir: true,
    chunkSizeWarningLimit: 2500,
  },
  server: { proxy: { '/api': 'http://localhost:3000', '/healthz': 'http://localhost:3000' } },
});
