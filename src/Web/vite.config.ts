import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";
import { VitePWA } from "vite-plugin-pwa";

const themeColour = "#0b5cad";

// Workbox writes these matchers into the service worker as text: they must use nothing from this file.
// What anyone may read: the catalog and the forum.
const publicReads = ({ url }: { url: URL }) => url.pathname.startsWith("/api/products") || url.pathname.startsWith("/api/forum/");
// A patient's own cart and orders, told by the role in the bearer token (staff read orders too, but
// nothing of theirs is kept). Not the live status stream, which never ends.
const patientReads = ({ url, request }: { url: URL; request: Request }) => {
  const path = url.pathname;
  if (!(path === "/api/cart" || path === "/api/orders" || (path.startsWith("/api/orders/") && !path.endsWith("/events")))) return false;
  try {
    const token = (request.headers.get("Authorization") ?? "").replace(/^Bearer /, "");
    const claims = JSON.parse(atob(token.split(".")[1].replace(/-/g, "+").replace(/_/g, "/")));
    // Kept only under an address that names the patient asking (src/api/client.ts adds it).
    return claims.role === "patient" && url.searchParams.get("viewer") === claims.sub;
  } catch {
    return false;
  }
};

// Offline, a page shows what was last read; online, the network answers unless it takes over 3 s.
// Only GETs are routed (writes are never cached or queued), and never /api/auth.
const lastRead = (cacheName: string) => ({
  handler: "NetworkFirst" as const,
  method: "GET" as const,
  options: {
    cacheName,
    networkTimeoutSeconds: 3,
    expiration: { maxEntries: 200, maxAgeSeconds: 7 * 24 * 3600 },
    cacheableResponse: { statuses: [200] },
    // Public answers are the same whoever asks (Vary: Authorization would miss after every token
    // renewal), and a patient's are kept by an address that names the patient (src/api/client.ts).
    matchOptions: { ignoreVary: true },
  },
});

// The build goes straight into the Api's static files; `npm run dev` proxies the API to a running Api.
export default defineConfig({
  plugins: [
    react(),
    VitePWA({
      registerType: "autoUpdate",
      // Registered from main.tsx (an external module: the Api's Content-Security-Policy allows no inline script).
      injectRegister: false,
      includeAssets: ["favicon.ico", "favicon.svg", "apple-touch-icon.png"],
      manifest: {
        name: "MedPlatform",
        short_name: "MedPlatform",
        description: "Ask verified doctors, buy medicines, follow your orders.",
        lang: "en",
        start_url: "/",
        scope: "/",
        display: "standalone",
        theme_color: themeColour,
        background_color: "#ffffff",
        icons: [
          { src: "/icon-192.png", sizes: "192x192", type: "image/png" },
          { src: "/icon-512.png", sizes: "512x512", type: "image/png" },
          { src: "/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
          { src: "/favicon.svg", sizes: "any", type: "image/svg+xml" },
        ],
      },
      workbox: {
        navigateFallback: "/index.html",
        // The server's own pages (API reference, dashboard, health) are not the app's.
        navigateFallbackDenylist: [/^\/(api|health|openapi|scalar|dashboard|metrics)(\/|$)/],
        cleanupOutdatedCaches: true,
        runtimeCaching: [
          { urlPattern: publicReads, ...lastRead("api-public") },
          { urlPattern: patientReads, ...lastRead("api-patient") },
        ],
      },
    }),
  ],
  build: {
    outDir: "../Api/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": "http://localhost:5080" },
  },
});
