import type { Named } from "./model";
import { $api, useApiQuery } from "./queries";

// Departments and categories change rarely: loaded once and kept for the visit.
const forTheVisit = { staleTime: Infinity, gcTime: Infinity } as const;

export const departmentsQuery = $api.queryOptions("get", "/api/forum/departments", {}, forTheVisit);

export function useDepartments(): Named[] {
  return useApiQuery(departmentsQuery).data ?? [];
}

export function useCategories(): Named[] {
  return useApiQuery($api.queryOptions("get", "/api/products/categories", {}, forTheVisit)).data ?? [];
}

export function nameOf(items: Named[], id: string): string {
  return items.find((item) => item.id === id)?.name ?? id;
}
