import { useEffect, useId, useState, type FormEvent } from "react";
import type { Named } from "../hooks";
import { navigate, useLocation, withQuery } from "../router";
import { NamedOptions } from "./NamedOptions";

interface SearchFiltersProps {
  /** Where the list lives, e.g. "/forum"; the filters become its query string. */
  path: string;
  searchLabel: string;
  /** An optional choice by department or category, as the query parameter `name`. */
  choice?: { name: string; label: string; none: string; items: Named[] };
  /** Query parameters to carry over unchanged (e.g. mine=true). */
  keep?: Record<string, string | boolean>;
}

/** A search box (query parameter q) with an optional choice; a new search starts at page 1. */
export function SearchFilters({ path, searchLabel, choice, keep = {} }: SearchFiltersProps) {
  const url = useLocation();
  const id = useId();
  const q = url.searchParams.get("q") ?? "";
  const chosenNow = choice ? (url.searchParams.get(choice.name) ?? "") : "";
  const [search, setSearch] = useState(q);
  const [chosen, setChosen] = useState(chosenNow);
  // Following a link to another filtered list (or back) shows that list's filters.
  useEffect(() => {
    setSearch(q);
    setChosen(chosenNow);
  }, [q, chosenNow]);

  const apply = (event: FormEvent) => {
    event.preventDefault();
    navigate(withQuery(path, { ...keep, ...(choice ? { [choice.name]: chosen } : {}), q: search.trim() }));
  };

  return (
    <form className="filters" role="search" onSubmit={apply}>
      {choice && (
        <div className="field">
          <label htmlFor={`${id}-choice`}>{choice.label}</label>
          <select id={`${id}-choice`} value={chosen} onChange={(e) => setChosen(e.target.value)}>
            <NamedOptions items={choice.items} none={choice.none} />
          </select>
        </div>
      )}
      <div className="field">
        <label htmlFor={`${id}-search`}>{searchLabel}</label>
        <input id={`${id}-search`} type="search" value={search} maxLength={200} onChange={(e) => setSearch(e.target.value)} />
      </div>
      <button type="submit">Search</button>
    </form>
  );
}
