// The API as a library: the app (serve it with @hono/node-server, or call `app.request()`), its type and its typed
// client. The command is bin/fundladder-api.mjs (src/main.ts).
export { type ApiOptions, type ApiType, createApi } from './app';
export { type ApiClient, apiClient } from './client';
