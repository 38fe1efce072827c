/**
 * The month and department the monthly pages show, kept in the address (`?month=&department=`)
 * so the browser's back button and shared links work; plus the CSV download link for the same
 * selection (a plain link: the session cookie authenticates it, Excel opens it).
 */
import { useState } from 'preact/hooks';
import { apiUrl } from '../api/client.js';

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
