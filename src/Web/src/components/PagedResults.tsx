import type { ReactNode } from "react";
import type { UseQueryResult } from "@tanstack/react-query";
import { type ApiError, type Paged } from "../api";
import { Pager } from "./Pager";
import { Empty, ErrorMessage, Loading } from "./Status";

interface PagedResultsProps<T> {
  result: UseQueryResult<Paged<T>, ApiError>;
  /** What is loading, e.g. "Loading questions". */
  loading: string;
  /** Shown when the page has no items. */
  empty: ReactNode;
  /** An optional line about the whole result (e.g. "12 questions"), announced when it changes. */
  summary?: (totalCount: number) => ReactNode;
  hrefFor: (page: number) => string;
  children: (items: T[]) => ReactNode;
}

/** One page of a list from the API, with its loading, error and empty states and the pager. */
export function PagedResults<T>({ result, loading, empty, summary, hrefFor, children }: PagedResultsProps<T>) {
  return (
    <>
      {result.error && <ErrorMessage error={result.error} retry={result.refetch} />}
      {result.isPending && <Loading what={loading} />}
      {result.data && (
        <>
          {summary && (
            <p className="result-count" role="status">
              {summary(result.data.totalCount)}
            </p>
          )}
          {result.data.items.length ? children(result.data.items) : <Empty>{empty}</Empty>}
          <Pager page={result.data.page} pageSize={result.data.pageSize} totalCount={result.data.totalCount} hrefFor={hrefFor} />
        </>
      )}
    </>
  );
}
