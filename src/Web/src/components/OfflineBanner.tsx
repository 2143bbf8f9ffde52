import { useOffline } from "../api";

/**
 * Says so while the server cannot be reached; pages the app has seen still show, from the service
 * worker's cache. The live region is always there so that the change is announced.
 */
export function OfflineBanner() {
  const offline = useOffline();
  return (
    <div className={offline ? "offline-banner" : undefined} role="status">
      {offline && "You are offline. You see what this device saved when you were last here; nothing can be sent until you are back online."}
    </div>
  );
}
