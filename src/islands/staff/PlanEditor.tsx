// The plan's rows as an island. Without JavaScript it is a plain form: "Add another action" posts
// and the page comes back with an empty row. With it, rows are added and removed in place.
import { useState } from 'preact/hooks';
import {
  BLANK_ROW,
  PLAN_AREA_NAMES,
  PLAN_OWNER_NAMES,
  PLAN_STATUS_NAMES,
  type PlanRowError,
  type PlanRowInput,
} from '../../domain/casework/plan.ts';

export interface PlanEditorProps {
  rows: PlanRowInput[];
  errors: PlanRowError[];
  /** Today (YYYY-MM-DD), as the due date's example ("For example, 25 11 2026"). */
  today: string;
}

const OWNER_LABELS: Record<string, string> = { ...PLAN_OWNER_NAMES, person: 'The person', adviser: 'The adviser' };

export default function PlanEditor(props: PlanEditorProps) {
  const [rows, setRows] = useState(props.rows.map((row, key) => ({ row, key })));
  const [nextKey, setNextKey] = useState(props.rows.length);
  const errorFor = (index: number, field: keyof PlanRowInput) => props.errors.find((e) => e.row === index && e.field === field)?.message;

  const add = (event: Event) => {
    event.preventDefault();
    setRows([...rows, { row: { ...BLANK_ROW }, key: nextKey }]);
    setNextKey(nextKey + 1);
    requestAnimationFrame(() => document.getElementById(`goal-${rows.length}`)?.focus());
  };
  const remove = (key: number) => setRows(rows.filter((r) => r.key !== key));
  // What is typed is kept in state, so adding or removing a row never wipes it.
  const update = (key: number, name: keyof PlanRowInput) => (event: Event) => {
    const value = (event.target as HTMLInputElement).value;
    setRows((current) => current.map((r) => (r.key === key ? { ...r, row: { ...r.row, [name]: value } } : r)));
  };

  return (
    <div>
      {rows.map(({ row, key }, index) => {
        const field = (name: keyof PlanRowInput) => `${name}-${index}`;
        const group = (name: keyof PlanRowInput) => `govuk-form-group${errorFor(index, name) ? ' govuk-form-group--error' : ''}`;
        const error = (name: keyof PlanRowInput) =>
          errorFor(index, name) && (
            <p class="govuk-error-message">
              <span class="govuk-visually-hidden">Error:</span> {errorFor(index, name)}
            </p>
          );
        const select = (name: 'area' | 'owner' | 'status', label: string, options: Record<string, string>) => (
          <div class={group(name)}>
            <label class="govuk-label" for={field(name)}>
              {label}
            </label>
            {error(name)}
            <select class="govuk-select" id={field(name)} name={field(name)} onChange={update(key, name)}>
              {Object.entries(options).map(([value, text]) => (
                <option value={value} selected={row[name] === value}>
                  {text}
                </option>
              ))}
            </select>
          </div>
        );
        return (
          <fieldset class="govuk-fieldset app-plan-row" key={key}>
            <legend class="govuk-fieldset__legend govuk-fieldset__legend--m">Action {index + 1}</legend>
            {select('area', 'About', PLAN_AREA_NAMES)}
            <div class={group('goal')}>
              <label class="govuk-label" for={field('goal')}>
                Goal
              </label>
              {error('goal')}
              <input
                class="govuk-input"
                id={field('goal')}
                name={field('goal')}
                type="text"
                value={row.goal}
                onInput={update(key, 'goal')}
              />
            </div>
            <div class={group('action')}>
              <label class="govuk-label" for={field('action')}>
                What will be done
              </label>
              {error('action')}
              <textarea
                class="govuk-textarea"
                id={field('action')}
                name={field('action')}
                rows={2}
                value={row.action}
                onInput={update(key, 'action')}
              />
            </div>
            {select('owner', 'Who will do it', OWNER_LABELS)}
            <div class={group('partner')}>
              <label class="govuk-label" for={field('partner')}>
                Partner agency (if a partner will do it)
              </label>
              {error('partner')}
              <input
                class="govuk-input govuk-!-width-two-thirds"
                id={field('partner')}
                name={field('partner')}
                type="text"
                value={row.partner}
                onInput={update(key, 'partner')}
              />
            </div>
            {(() => {
              // The GOV.UK date input: a fieldset with day, month and year boxes.
              const dueError = props.errors.find((e) => e.row === index && e.fields?.length);
              const box = (name: 'dueDay' | 'dueMonth' | 'dueYear', label: string, width: 2 | 4) => (
                <div class="govuk-date-input__item">
                  <div class="govuk-form-group">
                    <label class="govuk-label govuk-date-input__label" for={field(name)}>
                      {label}
                    </label>
                    <input
                      class={`govuk-input govuk-date-input__input govuk-input--width-${width}${dueError?.fields?.includes(name) ? ' govuk-input--error' : ''}`}
                      id={field(name)}
                      name={field(name)}
                      type="text"
                      inputMode="numeric"
                      value={row[name]}
                      onInput={update(key, name)}
                    />
                  </div>
                </div>
              );
              return (
                <div class={`govuk-form-group${dueError ? ' govuk-form-group--error' : ''}`}>
                  <fieldset
                    class="govuk-fieldset"
                    role="group"
                    aria-describedby={`${field('dueDay')}-hint${dueError ? ` ${field('dueDay')}-error` : ''}`}
                  >
                    <legend class="govuk-fieldset__legend govuk-fieldset__legend--s">Due by</legend>
                    <div class="govuk-hint" id={`${field('dueDay')}-hint`}>
                      For example, {props.today.split('-').map(Number).reverse().join(' ')}
                    </div>
                    {dueError && (
                      <p class="govuk-error-message" id={`${field('dueDay')}-error`}>
                        <span class="govuk-visually-hidden">Error:</span> {dueError.message}
                      </p>
                    )}
                    <div class="govuk-date-input">
                      {box('dueDay', 'Day', 2)}
                      {box('dueMonth', 'Month', 2)}
                      {box('dueYear', 'Year', 4)}
                    </div>
                  </fieldset>
                </div>
              );
            })()}
            {select('status', 'Status', PLAN_STATUS_NAMES)}
            {rows.length > 1 && (
              <button
                type="button"
                class="govuk-button govuk-button--secondary app-js-only"
                data-module="govuk-button"
                onClick={() => remove(key)}
              >
                Remove action {index + 1}
              </button>
            )}
          </fieldset>
        );
      })}
      <button type="submit" name="do" value="add-row" class="govuk-button govuk-button--secondary" data-module="govuk-button" onClick={add}>
        Add another action
      </button>
    </div>
  );
}
