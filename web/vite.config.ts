import react from '@vitejs/plugin-react';
import { defineConfig } from 'vitest/config';

// The app is served by Planspor itself at / (src/web/ in the server), so every asset is
// same-origin and nothing is fetched from another host. `npm run dev` proxies the API.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    sourcemap: false,
    // No inline data: URLs for assets: the server's Content-Security-Policy allows only 'self'.
    assetsInlineLimit: 0,
  },
  server: {
    proxy: { '/graphql': 'http://127.0.0.1:3000', '/health': 'http://127.0.0.1:3000' },
  },
  test: {
    environment: 'jsdom',
    include: ['src/**/*.test.{ts,tsx}'],
    setupFiles: ['src/test/setup.ts'],
    css: false,
  },
});
