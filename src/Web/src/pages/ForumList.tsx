import type { Paged } from "../api";
import { PagedResults } from "../components/PagedResults";
import { SignInToAct } from "../components/RequireRole";
import { SearchFilters } from "../components/SearchFilters";
import { ThreadList } from "../components/ThreadList";
import { nameOf, useApiData, useDepartments, usePageTitle, useUser } from "../hooks";
import { Link, pageFrom, useLocation, withQuery } from "../router";
import type { ThreadSummary } from "../types";

export function ForumList() {
  const url = useLocation();
  const user = useUser();
  const departments = useDepartments();
  const department = url.searchParams.get("department") ?? "";
  const q = url.searchParams.get("q") ?? "";
  const mine = url.searchParams.get("mine") === "true" && user !== null;
  const page = pageFrom(url);
  const query = { department, q, mine, page: page > 1 ? page : undefined };
  const threads = useApiData<Paged<ThreadSummary>>(withQuery("/api/forum/threads", { ...query, pageSize: 20 }));

  const title = mine ? (user?.role === "doctor" ? "Threads you answered" : "Your questions") : department ? nameOf(departments, department) : "Forum";
  usePageTitle(title);

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {user?.role === "patient" && (
          <Link href="/forum/ask" className="button">
            Ask a question
          </Link>
        )}
      </div>
      {!user && <SignInToAct action="ask a question" />}
      <SearchFilters
        path="/forum"
        searchLabel="Search questions"
        choice={{ name: "department", label: "Department", none: "All departments", items: departments }}
        keep={{ mine }}
      />
      <PagedResults
        result={threads}
        loading="Loading questions"
        summary={(total) => `${total === 1 ? "1 question" : `${total} questions`}${q ? ` matching “${q}”` : ""}`}
        empty={q || department ? "No questions match. Try other words or another department." : "No questions yet."}
        hrefFor={(p) => withQuery("/forum", { ...query, page: p })}
      >
        {(items) => <ThreadList threads={items} />}
      </PagedResults>
    </>
  );
}
