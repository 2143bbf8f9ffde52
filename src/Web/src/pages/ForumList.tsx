import { Link, useSearchParams } from "react-router";
import { $api, useApiQuery, nameOf, useDepartments, useUser } from "../api";
import { PagedResults } from "../components/PagedResults";
import { SignInToAct } from "../components/RequireRole";
import { SearchFilters } from "../components/SearchFilters";
import { ThreadList } from "../components/ThreadList";
import { pageFrom, withQuery } from "../query";
import { usePageTitle } from "../usePageTitle";

export function ForumList() {
  const [search] = useSearchParams();
  const user = useUser();
  const departments = useDepartments();
  const department = search.get("department") ?? "";
  const q = search.get("q") ?? "";
  const mine = search.get("mine") === "true" && user !== null;
  const page = pageFrom(search);
  const query = { department, q, mine, page: page > 1 ? page : undefined };
  const threads = useApiQuery(
    $api.queryOptions("get", "/api/forum/threads", {
      params: { query: { department: department || undefined, q: q || undefined, mine: mine || undefined, page, pageSize: 20 } },
    }),
  );

  const title = mine ? (user?.role === "doctor" ? "Threads you answered" : "Your questions") : department ? nameOf(departments, department) : "Forum";
  usePageTitle(title);

  return (
    <>
      <div className="page-head">
        <h1>{title}</h1>
        {user?.role === "patient" && (
          <Link to="/forum/ask" className="button">
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
