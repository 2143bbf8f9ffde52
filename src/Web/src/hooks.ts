import { useCallback, useEffect, useRef, useState } from "react";
import { api, ApiError, currentUser, onUserChange, type User } from "./api";

/** The signed-in user (null for a visitor), re-rendering when they sign in or out. */
export function useUser(): User | null {
  const [user, setUser] = useState(currentUser);
  useEffect(() => onUserChange(setUser), []);
  return user;
}

export interface Loaded<T> {
  data?: T;
  error?: ApiError;
  loading: boolean;
  reload: () => void;
  setData: (data: T) => void;
}

/**
 * Loads a GET endpoint, again whenever the path or the signed-in user changes (what an endpoint
 * shows can depend on who asks). A null path loads nothing. A failed reload keeps what was shown
 * for the same path, next to the error.
 */
export function useApiData<T>(path: string | null): Loaded<T> {
  const user = useUser();
  const [state, setState] = useState<{ data?: T; dataPath?: string; error?: ApiError; loading: boolean }>({ loading: path !== null });
  const [generation, setGeneration] = useState(0);
  const inFlight = useRef<AbortController | null>(null);

  useEffect(() => {
    if (path === null) {
      setState({ loading: false });
      return;
    }
    const controller = new AbortController();
    inFlight.current = controller;
    setState((previous) => ({ ...previous, error: undefined, loading: true }));
    api<T>(path, { signal: controller.signal })
      .then((data) => setState({ data, dataPath: path, loading: false }))
      .catch((caught: unknown) => {
        if (controller.signal.aborted) return;
        const error = caught instanceof ApiError ? caught : new ApiError(0, "Error", String(caught));
        setState((previous) => (previous.dataPath === path ? { ...previous, error, loading: false } : { error, loading: false }));
      });
    return () => controller.abort();
  }, [path, user?.id, generation]);

  const reload = useCallback(() => setGeneration((g) => g + 1), []);
  // An answer the page already has (e.g. from a POST) wins over a reload still on its way.
  const setData = useCallback(
    (data: T) => {
      inFlight.current?.abort();
      setState({ data, dataPath: path ?? undefined, loading: false });
    },
    [path],
  );
  return { data: state.data, error: state.error, loading: state.loading, reload, setData };
}

/** Sets the document title, so the tab and screen readers say which page this is. */
export function usePageTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · MedPlatform` : "MedPlatform";
  }, [title]);
}

export interface Named {
  id: string;
  name: string;
}

// Departments and categories change rarely: fetched once per page load and shared.
const referenceCache = new Map<string, Promise<Named[]>>();

function useReference(path: string): Named[] {
  const [items, setItems] = useState<Named[]>([]);
  useEffect(() => {
    let cached = referenceCache.get(path);
    if (!cached) {
      cached = api<Named[]>(path);
      cached.catch(() => referenceCache.delete(path));
      referenceCache.set(path, cached);
    }
    let live = true;
    cached.then((value) => live && setItems(value)).catch(() => undefined);
    return () => {
      live = false;
    };
  }, [path]);
  return items;
}

export const useDepartments = () => useReference("/api/forum/departments");
export const useCategories = () => useReference("/api/products/categories");

export function nameOf(items: Named[], id: string): string {
  return items.find((item) => item.id === id)?.name ?? id;
}

/** Runs an action for a form: tracks that it is busy and keeps the API's error for the fields. */
export function useAction() {
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);
  const run = useCallback(async (action: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await action();
    } catch (caught) {
      setError(caught instanceof ApiError ? caught : new ApiError(0, "Error", String(caught)));
    } finally {
      setBusy(false);
    }
  }, []);
  return { busy, error, setError, run };
}
