import { QueryClient, useQuery, type UseQueryOptions, type UseQueryResult } from "@tanstack/react-query";
import type { ClientPathsWithMethod } from "openapi-fetch";
import createQueryHooks from "openapi-react-query";
import type { ApiError } from "./ApiError";
import { api } from "./client";
import { useUser } from "./session";

declare module "@tanstack/react-query" {
  interface Register {
    // The client's middleware throws nothing else.
    defaultError: ApiError;
  }
}

const isTransient = (error: ApiError | null) => error !== null && (error.isNetworkError || error.status >= 500);

export const queryClient = new QueryClient({
  defaultOptions: {
    // A refused request stays refused and an unreachable server is said so at once: nothing retries behind the user's back.
    // "always": requests go out even when the browser says it is offline. Reads are then answered
    // by the service worker's cache, and writes refused by the client's middleware; react-query's
    // default would instead hold both until the connection returns, and then send the write.
    // A page the server could not answer (no answer at all, or a 5xx) loads again by itself every few seconds until it can.
    queries: {
      retry: false,
      networkMode: "always",
      refetchInterval: (query) => (query.state.status === "error" && isTransient(query.state.error) ? 5000 : false),
    },
    mutations: { networkMode: "always" },
  },
});

/** Query options for a GET, keyed by its path template and parameters: `$api.queryOptions("get", "/api/cart")`. */
export const $api = createQueryHooks(api);

/**
 * Runs a GET query keyed also by the signed-in user, since what an endpoint shows can depend on who
 * asks (an anonymous thread shows its author to the author only; a cart is its patient's).
 */
export function useApiQuery<TData, TError, TKey extends readonly unknown[]>(
  options: UseQueryOptions<TData, TError, TData, TKey>,
): UseQueryResult<TData, ApiError> {
  const user = useUser();
  const keyed = { ...options, queryKey: [...options.queryKey, { user: user?.id ?? null }] };
  return useQuery(keyed as unknown as UseQueryOptions<TData, ApiError, TData>);
}

type GetPath = ClientPathsWithMethod<typeof api, "get">;

/** Marks what a write changed as stale, whatever its parameters or viewer: shown queries load again. */
export function invalidate(...paths: GetPath[]): Promise<void> {
  return Promise.all(paths.map((path) => queryClient.invalidateQueries({ queryKey: ["get", path] }))).then(() => undefined);
}
