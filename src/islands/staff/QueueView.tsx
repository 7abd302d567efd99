// The hand-off queue as an island. The server renders the filter form, the table and the page
// links; without JavaScript the form is an ordinary GET form and the page links ordinary links.
// With it, changing a filter fetches the first page of matching rows at once (no page load),
// keeps the address bar in step, and says how many there are.
import { useRef, useState } from 'preact/hooks';
import { describeDeadline } from '../../domain/casework/time-limits.ts';
import { longDate } from '../../domain/time/working-days.ts';
import { NEED_NAMES, NEED_TAG_CLASS, STATUS_NAMES } from '../../domain/casework/statuses.ts';
import type { QueueFilterValues, QueueViewRow } from '../../domain/casework/queue-view.ts';
import { STAFF_ROUTES, caseUrl } from '../../routes/staff.ts';
import { pageSummary, type Page } from '../../domain/paging.ts';
import Pagination from '../../components/Pagination.tsx';

export type { QueueFilterValues, QueueViewRow };

export interface QueueViewProps {
  page: Page<QueueViewRow>;
  filter: QueueFilterValues;
  services: Array<{ id: string; name: string }>;
  assignees: Array<{ id: string; name: string }>;
}

const FIELDS: Array<[keyof QueueFilterValues, string]> = [
  ['text', 'q'],
  ['status', 'status'],
  ['needLevel', 'need'],
  ['serviceId', 'service'],
  ['assignee', 'assignee'],
  ['due', 'due'],
];

function query(filter: QueueFilterValues, page = 1): string {
  const params = new URLSearchParams();
  for (const [key, name] of FIELDS) if (filter[key]) params.set(name, filter[key]);
  if (page > 1) params.set('page', String(page));
  return params.toString();
}

const NOUN: [string, string] = ['hand-off', 'hand-offs'];

function Select(props: { id: string; label: string; value: string; options: Array<[string, string]>; onChange: (value: string) => void }) {
  return (
    <div class="govuk-form-group app-filter">
      <label class="govuk-label govuk-label--s" for={props.id}>
        {props.label}
      </label>
      <select
        class="govuk-select"
        id={props.id}
        name={props.id}
        value={props.value}
        onChange={(e) => props.onChange((e.target as HTMLSelectElement).value)}
      >
        {props.options.map(([value, label]) => (
          <option value={value} selected={value === props.value}>
            {label}
          </option>
        ))}
      </select>
    </div>
  );
}

/** Who else has answered: a partner that spoke to the person, or one that declined the referral. */
function PartnerNotes({ row }: { row: QueueViewRow }) {
  return (
    <>
      {row.contactedBy.map((name) => (
        <>
          <br />
          <span class="govuk-body-s app-contacted-by">Contacted by {name}</span>
        </>
      ))}
      {row.declinedBy.map((name) => (
        <>
          <br />
          <strong class="govuk-tag govuk-tag--orange app-declined-by">Referral declined by {name}</strong>
        </>
      ))}
    </>
  );
}

function DeadlineCell({ row }: { row: QueueViewRow }) {
  const { deadline, safeToCall } = row;
  const text = describeDeadline(deadline);
  if (!deadline) return <span>{text}</span>;
  const tag =
    deadline.state === 'overdue' || deadline.dueAt
      ? 'govuk-tag--red'
      : deadline.state === 'due-today'
        ? 'govuk-tag--yellow'
        : 'govuk-tag--grey';
  if (deadline.dueAt) {
    return (
      <span>
        <strong class={`govuk-tag ${tag}`}>{text}</strong>
        <br />
        <span class="govuk-body-s">Emergency: contact the person</span>
        {safeToCall && (
          <>
            <br />
            <span class="govuk-body-s app-safe-to-call">
              Safe to call: {safeToCall.times.join(', ').toLowerCase()}
              {safeToCall.noneInOfficeHours && <strong> (none in office hours)</strong>}
            </span>
          </>
        )}
      </span>
    );
  }
  return (
    <span>
      <strong class={`govuk-tag ${tag}`}>{text}</strong>
      <br />
      <span class="govuk-body-s">
        {deadline.stage === 'acknowledge' ? 'Acknowledge' : deadline.stage === 'appointment' ? 'Arrange appointment' : 'Gather information'}{' '}
        by {longDate(deadline.dueOn)}
      </span>
    </span>
  );
}

export default function QueueView(props: QueueViewProps) {
  const [filter, setFilter] = useState(props.filter);
  const [page, setPage] = useState(props.page);
  const rows = page.rows;
  const [message, setMessage] = useState('');
  const typing = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  // Only the newest request's answer is shown, whatever order the answers arrive in.
  const latest = useRef(0);

  const change = async (key: keyof QueueFilterValues, value: string) => {
    const next = { ...filter, [key]: value };
    setFilter(next);
    await refresh(next);
  };

  // Typing waits for a pause before asking the server, so each key press is not a request.
  const type = (value: string) => {
    setFilter({ ...filter, text: value });
    clearTimeout(typing.current);
    typing.current = setTimeout(() => void refresh({ ...filter, text: value }), 300);
  };

  const refresh = async (next: QueueFilterValues) => {
    const search = query(next);
    history.replaceState(null, '', `/staff/queue${search ? `?${search}` : ''}`);
    const asked = ++latest.current;
    const response = await fetch(`${STAFF_ROUTES.queueRows}?${search}`, { headers: { Accept: 'application/json' } });
    if (asked !== latest.current) return;
    if (!response.ok) {
      setMessage('The list could not be updated. Reload the page to try again.');
      return;
    }
    const fresh = (await response.json()) as Page<QueueViewRow>;
    if (asked !== latest.current) return;
    setPage(fresh);
    setMessage(`${fresh.total.toLocaleString('en-GB')} hand-off${fresh.total === 1 ? '' : 's'} found`);
  };

  return (
    <div>
      <form
        method="get"
        action="/staff/queue"
        class="app-filters"
        onSubmit={(e) => {
          e.preventDefault();
          clearTimeout(typing.current);
          void refresh(filter);
        }}
      >
        <div class="govuk-form-group app-filter">
          <label class="govuk-label govuk-label--s" for="q">
            Reference, phone, email or name
          </label>
          <div id="q-hint" class="govuk-hint">
            The whole number or address, or a whole first name or surname
          </div>
          <input
            class="govuk-input govuk-input--width-20"
            id="q"
            name="q"
            aria-describedby="q-hint"
            type="search"
            value={filter.text}
            spellcheck={false}
            onInput={(e) => type((e.target as HTMLInputElement).value)}
          />
        </div>
        <Select
          id="status"
          label="Status"
          value={filter.status}
          onChange={(v) => change('status', v)}
          options={[['', 'Open (not closed)'], ...Object.entries(STATUS_NAMES), ['all', 'All']]}
        />
        <Select
          id="need"
          label="Need level"
          value={filter.needLevel}
          onChange={(v) => change('needLevel', v)}
          options={[['', 'Any'], ...Object.entries(NEED_NAMES)]}
        />
        <Select
          id="service"
          label="Service"
          value={filter.serviceId}
          onChange={(v) => change('serviceId', v)}
          options={[['', 'Any'], ...props.services.map((s): [string, string] => [s.id, s.name])]}
        />
        <Select
          id="assignee"
          label="Assigned to"
          value={filter.assignee}
          onChange={(v) => change('assignee', v)}
          options={[
            ['', 'Anyone'],
            ['me', 'Me'],
            ['unassigned', 'Nobody yet'],
            ...props.assignees.map((a): [string, string] => [a.id, a.name]),
          ]}
        />
        <Select
          id="due"
          label="Time limit"
          value={filter.due}
          onChange={(v) => change('due', v)}
          options={[
            ['', 'Any'],
            ['overdue', 'Overdue'],
          ]}
        />
        <noscript>
          <button type="submit" class="govuk-button govuk-button--secondary" data-module="govuk-button">
            Apply filters
          </button>
        </noscript>
      </form>
      <p class="govuk-body-s" role="status">
        {message}
      </p>
      {rows.length === 0 ? (
        <p class="govuk-body">No hand-offs match these filters.</p>
      ) : (
        <div class="app-table-scroll" tabIndex={0} role="region" aria-label="Hand-offs, most urgent first">
          <table class="govuk-table">
            <caption class="govuk-table__caption govuk-table__caption--m">
              Most urgent first
              <span class="govuk-caption-m">{pageSummary(page, NOUN)}</span>
            </caption>
            <thead class="govuk-table__head">
              <tr class="govuk-table__row">
                <th scope="col" class="govuk-table__header">
                  Reference and name
                </th>
                <th scope="col" class="govuk-table__header">
                  Need
                </th>
                <th scope="col" class="govuk-table__header">
                  Status
                </th>
                <th scope="col" class="govuk-table__header">
                  Service
                </th>
                <th scope="col" class="govuk-table__header">
                  Assigned to
                </th>
                <th scope="col" class="govuk-table__header">
                  Time limit
                </th>
              </tr>
            </thead>
            <tbody class="govuk-table__body">
              {rows.map((row) => (
                <tr class="govuk-table__row">
                  <td class="govuk-table__cell">
                    <a class="govuk-link app-reference-link" href={caseUrl(row.id)}>
                      {row.reference}
                    </a>
                    <br />
                    {row.contactName}
                    {row.languageNeed && (
                      <>
                        <br />
                        <span class="govuk-body-s app-language-need">{row.languageNeed}</span>
                      </>
                    )}
                  </td>
                  <td class="govuk-table__cell">
                    <strong class={`govuk-tag ${NEED_TAG_CLASS[row.needLevel]}`}>{NEED_NAMES[row.needLevel]}</strong>
                  </td>
                  <td class="govuk-table__cell">{STATUS_NAMES[row.status]}</td>
                  <td class="govuk-table__cell">{row.serviceName}</td>
                  <td class="govuk-table__cell">{row.assigneeName ?? 'Nobody yet'}</td>
                  <td class="govuk-table__cell">
                    <DeadlineCell row={row} />
                    <PartnerNotes row={row} />
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <Pagination
        page={page.page}
        pageCount={page.pageCount}
        hrefFor={(n) => `/staff/queue?${query(filter, n)}`}
        label="Pages of hand-offs"
      />
    </div>
  );
}
