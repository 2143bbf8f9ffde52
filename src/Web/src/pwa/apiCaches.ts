// The names of the service worker's caches of API answers (vite.config.ts sets them up). What they
// hold depends on who asked, so they are emptied whenever the signed-in user changes.
export const apiCacheNames = { public: "api-public", patient: "api-patient" } as const;

export async function forgetCachedApiAnswers() {
  if (!("caches" in window)) return;
  await Promise.all(Object.values(apiCacheNames).map((name) => caches.delete(name)));
}

/** A patient's own reads that the service worker keeps (vite.config.ts matches the same paths). */
export const isPatientRead = (path: string) => path === "/api/cart" || path === "/api/orders" || (path.startsWith("/api/orders/") && !path.endsWith("/events"));
