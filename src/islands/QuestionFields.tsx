// The GOV.UK markup of one question: radios, checkboxes or a number input, with hint and inline
// error. Rendered on the server (works without JavaScript) and by the island alike.
import type { JSX } from 'preact';
import type { AnswerValue } from '../domain/questionnaire/answers.ts';
import type { Question } from '../domain/questionnaire/questions.ts';
import { fieldIds } from '../domain/field-ids.ts';

interface Props {
  question: Question;
  /** What to show as chosen or typed: the saved answer, or what was just submitted. */
  value: AnswerValue | string[] | undefined;
  error?: string;
  /** "Error:" before the inline error, for screen readers, in the page's language. */
  errorPrefix: string;
  /** The word between the options and an "exclusive" one ("or"). */
  or: string;
  /** Called when a checkbox changes, so the island can apply "exclusive" options. */
  onToggle?: (optionValue: string, checked: boolean) => void;
}

const FIELD = 'answer';

function ErrorMessage({ id, message, prefix }: { id: string; message: string; prefix: string }) {
  return (
    <p id={id} class="govuk-error-message">
      <span class="govuk-visually-hidden">{prefix}</span> {message}
    </p>
  );
}

export function QuestionFields({ question, value, error, errorPrefix, or, onToggle }: Props): JSX.Element {
  const ids = fieldIds(FIELD, { hint: question.hint, error });
  const { hint: hintId, error: errorId, describedBy } = ids;
  const groupClass = `govuk-form-group${error ? ' govuk-form-group--error' : ''}`;

  if (question.kind === 'number') {
    return (
      <div class={groupClass}>
        <h1 class="govuk-label-wrapper">
          <label class="govuk-label govuk-label--l" for={FIELD}>
            {question.title}
          </label>
        </h1>
        {question.hint && (
          <div id={hintId} class="govuk-hint">
            {question.hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId!} message={error} prefix={errorPrefix} />}
        <input
          class={`govuk-input govuk-input--width-3${error ? ' govuk-input--error' : ''}`}
          id={FIELD}
          name={FIELD}
          type="text"
          inputMode="numeric"
          spellcheck={false}
          autoComplete="off"
          value={Array.isArray(value) ? (value[0] ?? '') : value === undefined ? '' : String(value)}
          aria-describedby={describedBy}
        />
      </div>
    );
  }

  const chosen = Array.isArray(value) ? value.map(String) : value === undefined ? [] : [String(value)];
  const kind = question.kind; // 'radios' | 'checkboxes'
  const inputType = kind === 'radios' ? 'radio' : 'checkbox';
  const exclusiveIndex = question.options.findIndex((o) => o.exclusive);

  return (
    <div class={groupClass}>
      <fieldset class="govuk-fieldset" aria-describedby={describedBy}>
        <legend class="govuk-fieldset__legend govuk-fieldset__legend--l">
          <h1 class="govuk-fieldset__heading">{question.title}</h1>
        </legend>
        {question.hint && (
          <div id={hintId} class="govuk-hint">
            {question.hint}
          </div>
        )}
        {error && <ErrorMessage id={errorId!} message={error} prefix={errorPrefix} />}
        <div class={`govuk-${kind}`} data-module={`govuk-${kind}`}>
          {question.options.map((option, index) => {
            const id = ids.choice(index);
            const optionHintId = option.hint ? ids.choiceHint(index) : undefined;
            return (
              <>
                {index === exclusiveIndex && index > 0 && <div class={`govuk-${kind}__divider`}>{or}</div>}
                <div class={`govuk-${kind}__item`} key={option.value}>
                  <input
                    class={`govuk-${kind}__input`}
                    id={id}
                    name={FIELD}
                    type={inputType}
                    value={option.value}
                    checked={chosen.includes(option.value)}
                    aria-describedby={optionHintId}
                    data-behaviour={option.exclusive ? 'exclusive' : undefined}
                    onChange={onToggle ? (event) => onToggle(option.value, event.currentTarget.checked) : undefined}
                  />
                  <label class={`govuk-label govuk-${kind}__label`} for={id}>
                    {option.label}
                  </label>
                  {option.hint && (
                    <div id={optionHintId} class={`govuk-hint govuk-${kind}__hint`}>
                      {option.hint}
                    </div>
                  )}
                </div>
              </>
            );
          })}
        </div>
      </fieldset>
    </div>
  );
}
