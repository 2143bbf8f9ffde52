import { registerSW } from "virtual:pwa-register";

/**
 * Installs the service worker that keeps the app shell and the pages already read for offline use.
 * A new version takes over on its own (vite.config.ts: registerType "autoUpdate").
 */
export function registerServiceWorker() {
  registerSW({ immediate: true });
}
