import { useEffect } from "react";

/** Sets the document title, so the tab and screen readers say which page this is. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · MedPlatform` : "MedPlatform";
  }, [title]);
}
