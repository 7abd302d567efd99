// @ts-check
import { defineConfig } from 'astro/config';
import node from '@astrojs/node';
import preact from '@astrojs/preact';

// Runtime settings (port, host, database, site URL, secrets) are read from the environment by
// src/config/settings.ts when the server starts, not baked in here at build time.
export default defineConfig({
  output: 'server',
  // Middleware mode: scripts/serve.ts runs the server, serving static files itself (see
  // src/server/http/static-files.ts) and pages through Astro's handler.
  adapter: node({ mode: 'middleware' }),
  integrations: [preact()],
  security: {
    // Cross-site posts are refused by src/middleware.ts, which also accepts SITE_URL's origin:
    // Astro's own check compares Origin with the address the request arrived at, which is http://
    // behind a TLS proxy. No allowedDomains: Astro would then believe X-Forwarded-For's first
    // entry, which the client writes (src/server/web/client-address.ts).
    checkOrigin: false,
  },
  // Keep readable whitespace between inline elements.
  compressHTML: true,
  server: { host: '127.0.0.1', port: 4321 },
  vite: {
    css: { preprocessorOptions: { scss: { quietDeps: true } } },
    // govuk-frontend still carries IE-only media hacks (`@media screen\0`) that lightningcss,
    // Vite's default CSS minifier, refuses; esbuild minifies them as they are.
    build: {
      cssMinify: 'esbuild',
    },
  },
});
