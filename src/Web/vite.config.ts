import { defineConfig } from "vite";
import react from "@vitejs/plugin-react";

// The build goes straight into the Api's static files; `npm run dev` proxies the API to a running Api.
export default defineConfig({
  plugins: [react()],
  build: {
    outDir: "../Api/wwwroot",
    emptyOutDir: true,
    sourcemap: false,
  },
  server: {
    proxy: { "/api": "http://localhost:5080" },
  },
});
