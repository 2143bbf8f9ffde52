import { useSyncExternalStore } from "react";

// Whether the app can reach the server: the browser's own idea (navigator.onLine) and what the last
// request found, since a browser can be "online" on a network that goes nowhere.

let lastRequestFailed = false;
const listeners = new Set<() => void>();
const notify = () => listeners.forEach((listener) => listener());

export function reportReachable(reached: boolean) {
  if (lastRequestFailed === !reached) return;
  lastRequestFailed = !reached;
  notify();
}

window.addEventListener("online", () => reportReachable(true));
window.addEventListener("offline", notify);

function subscribe(listener: () => void) {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

export const isOffline = () => !navigator.onLine || lastRequestFailed;

/** True while the server cannot be reached, re-rendering when that changes. */
export const useOffline = () => useSyncExternalStore(subscribe, isOffline);
