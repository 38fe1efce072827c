/**
 * The month and department the monthly pages show, kept in the address (`?month=&department=`)
 * so the browser's back button and shared links work; plus the CSV download link for the same
 * selection (a plain link: the session cookie authenticates it, Excel opens it).
 */
import { useState } from 'preact/hooks';
import { api, apiUrl } from '../api/client.js';
import { useMeta } from '../meta.js';
import { navigate, useLocation } from '../router.js';
import { useApi } from '../use-api.js';
import type { Loaded } from '../use-api.js';

/** A monthly page's selection (from the address), its data, and the departments to offer. */
export interface MonthSelection<T> extends Loaded<T> {
  month: string;
  /** '' = every department. */
  department: string;
  /** The month's departments from the answer, else the city's (from /meta). */
  departments: string[];
  /** Shows another month or department (a new address, so back and shared links work). */
  apply(month: string, department: string): void;
}

/** Reads `?month=&department=` and loads `path` (`/reports`, `/unanswered`) for them. */
export function useMonthSelection<T extends { departmentNames?: string[] }>(
  path: string,
  defaultMonth: () => string,
): MonthSelection<T> {
  const { query } = useLocation();
  const month = query.get('month') || defaultMonth();
  const department = query.get('department') ?? '';
  const meta = useMeta();
  const loaded = useApi(
    () => api.get<T>(path, { month, department: department || undefined }),
    [path, month, department],
  );
  return {
    ...loaded,
    month,
    department,
    departments: loaded.data?.departmentNames ?? meta.data?.departments ?? [],
    apply: (m, d) =>
      navigate(`${path}?month=${m}${d ? `&department=${encodeURIComponent(d)}` : ''}`),
  };
}

export function MonthFilter(props: {
  month: string;
  department: string;
  departments: string[];
  onApply: (month: string, department: string) => void;
}) {
  const [month, setMonth] = useState(props.month);
  const [department, setDepartment] = useState(props.department);
  return (
    <form
      class="filters"
      onSubmit={(e) => {
        e.preventDefault();
        props.onApply(month, department);
      }}
      aria-label="表示する月と担当課"
    >
      <div class="field-inline">
        <label for="filter-month">月</label>
        <input
          id="filter-month"
          type="month"
          value={month}
          onInput={(e) => setMonth(e.currentTarget.value)}
        />
      </div>
      <div class="field-inline">
        <label for="filter-department">担当課</label>
        <select
          id="filter-department"
          value={department}
          onChange={(e) => setDepartment(e.currentTarget.value)}
        >
          <option value="">すべての課</option>
          {props.departments.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </div>
      <button type="submit">表示</button>
    </form>
  );
}

export function CsvLink(props: { path: string; month: string; department: string; label: string }) {
  return (
    <a
      class="button"
      href={apiUrl(props.path, { month: props.month, department: props.department, format: 'csv' })}
      download
    >
      {props.label}
    </a>
  );
}
