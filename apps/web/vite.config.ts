// The web app's build and dev server (docs/web.md). `npm run dev -w @fundladder/web` serves the app with hot reload and
// sends /api to the API (`npm start`, port 3000 unless FUNDLADDER_API_PORT says otherwise); the proxy keeps the Host
// header, so the API's same-origin CSRF check sees the dev server's own origin.
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';

const apiPort = process.env.FUNDLADDER_API_PORT ?? '3000';

export default defineConfig({
  plugins: [react()],
  server: { proxy: { '/api': { target: `http://127.0.0.1:${apiPort}`, changeOrigin: false } } },
  // The Plan screen's chunk holds echarts (about 580 kB, 196 kB gzip): loaded when a plan is first opened.
  build: { outDir: 'dist', emptyOutDir: true, sourcemap: false, target: 'es2022', chunkSizeWarningLimit: 700 },
});
