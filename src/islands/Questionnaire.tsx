// The self-assessment's question pages as a Preact island. The server renders it as a plain
// form (the whole journey works without JavaScript); in the browser it runs the same machine
// (journey.ts) to move between questions at once, keeping URLs and history right, while each
// answer is also saved to the server in the background, in order.
import { useEffect, useRef, useState } from 'preact/hooks';
import type { Answers } from '../domain/questionnaire/answers.ts';
import { answer, canShow, previousStep, replay } from '../domain/questionnaire/journey.ts';
import { validateAnswer, type Question } from '../domain/questionnaire/questions.ts';
import { QuestionFields } from './QuestionFields.tsx';
import { SELF_ASSESSMENT_PATH, questionFromPath, stepUrl } from './step-urls.ts';

export interface QuestionnaireProps {
  questions: Question[];
  answers: Answers;
  step: string;
  changing: boolean;
  /** A one-time error from the server (no-JavaScript path). */
  error?: string;
  submitted?: string[];
  /** The end of the page title, after the question. */
  titleSuffix: string;
}

interface View {
  answers: Answers;
  step: string;
  changing: boolean;
  error?: string;
  submitted?: string[];
}

export default function Questionnaire(props: QuestionnaireProps) {
  const [view, setView] = useState<View>({ answers: props.answers, step: props.step, changing: props.changing, error: props.error, submitted: props.submitted });
  const [saveFailed, setSaveFailed] = useState(false);
  const failed = useRef(false);
  const saving = useRef<Promise<void>>(Promise.resolve());
  const heading = useRef<HTMLDivElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const firstRender = useRef(true);

  const question = props.questions.find((q) => q.id === view.step)!;
  const progress = replay({ answers: view.answers, confirmed: false });
  const back = view.changing ? stepUrl('checkAnswers') : previousStep(progress, view.step) && stepUrl(previousStep(progress, view.step)!);

  // After moving to another question: new title, focus on the question (as a new page would).
  useEffect(() => {
    document.title = `${view.error ? 'Error: ' : ''}${question.title} - ${props.titleSuffix}`;
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    if (view.error) summary.current?.focus();
    else heading.current?.focus();
  }, [view.step, view.error]);

  useEffect(() => {
    const onPopState = () => {
      const step = questionFromPath(location.pathname);
      if (step && canShow(replay({ answers: view.answers, confirmed: false }), step)) {
        setView((v) => ({ ...v, step, changing: new URLSearchParams(location.search).has('change'), error: undefined, submitted: undefined }));
      } else {
        location.reload();
      }
    };
    addEventListener('popstate', onPopState);
    return () => removeEventListener('popstate', onPopState);
  }, [view.answers]);

  /** Saves one answer on the server, after any before it. The server has the last word. */
  function save(step: string, raw: string[], changing: boolean, expectedNext: string) {
    const body = new URLSearchParams(raw.map((v) => ['answer', v]));
    const job = async () => {
      const response = await fetch(stepUrl(step, { changing }), { method: 'POST', body, headers: { Accept: 'application/json' }, credentials: 'same-origin' });
      if (!response.ok) throw new Error(`Saving failed: ${response.status}`);
      const result = (await response.json()) as { ok: boolean; next?: string; restart?: boolean };
      if (result.restart) location.assign(`${SELF_ASSESSMENT_PATH}?expired=1`);
      else if (!result.ok || result.next !== expectedNext) location.assign(stepUrl(result.next ?? step));
    };
    saving.current = saving.current.then(job).catch(() => {
      failed.current = true;
      setSaveFailed(true);
    });
    return saving.current;
  }

  function onToggle(value: string, checked: boolean) {
    if (!checked || question.kind !== 'checkboxes') return;
    const exclusive = question.options.find((o) => o.exclusive)?.value;
    const form = heading.current?.closest('form');
    for (const input of form?.querySelectorAll<HTMLInputElement>('input[name="answer"]') ?? []) {
      if (value === exclusive ? input.value !== exclusive : input.value === exclusive) input.checked = false;
    }
  }

  async function onSubmit(event: Event) {
    event.preventDefault();
    const form = event.currentTarget as HTMLFormElement;
    const raw = new FormData(form).getAll('answer').map(String);
    const checked = validateAnswer(question, question.kind === 'checkboxes' ? raw : raw[0]);
    if (!checked.ok) {
      setView((v) => ({ ...v, error: checked.error, submitted: raw }));
      return;
    }
    const outcome = answer({ answers: view.answers, confirmed: false }, view.step, checked.value, { changing: view.changing });
    const done = save(view.step, raw, view.changing, outcome.next);
    if (props.questions.some((q) => q.id === outcome.next)) {
      history.pushState(null, '', stepUrl(outcome.next, { changing: view.changing }));
      setView({ answers: outcome.draft.answers, step: outcome.next, changing: view.changing });
    } else {
      // Check answers and results are pages of their own: go there once the answer is saved.
      await done;
      if (!failed.current) location.assign(stepUrl(outcome.next));
    }
  }

  function onBack(event: Event) {
    if (!back || view.changing) return;
    event.preventDefault();
    history.pushState(null, '', back);
    setView((v) => ({ ...v, step: previousStep(progress, v.step)!, error: undefined, submitted: undefined }));
  }

  return (
    <>
      {back && (
        <a href={back} class="govuk-back-link" onClick={onBack}>
          Back
        </a>
      )}
      <main class="govuk-main-wrapper" id="main-content">
        <div class="govuk-grid-row">
          <div class="govuk-grid-column-two-thirds">
            {saveFailed && (
              <div class="govuk-notification-banner" role="alert" aria-labelledby="save-failed-title" data-module="govuk-notification-banner">
                <div class="govuk-notification-banner__header">
                  <h2 class="govuk-notification-banner__title" id="save-failed-title">Important</h2>
                </div>
                <div class="govuk-notification-banner__content">
                  <p class="govuk-notification-banner__heading">
                    We could not save your last answer. Check your connection, then <a class="govuk-notification-banner__link" href={stepUrl(view.step)}>reload this page</a>.
                  </p>
                </div>
              </div>
            )}
            {view.error && (
              <div class="govuk-error-summary" data-module="govuk-error-summary" ref={summary} tabIndex={-1}>
                <div role="alert">
                  <h2 class="govuk-error-summary__title">There is a problem</h2>
                  <div class="govuk-error-summary__body">
                    <ul class="govuk-list govuk-error-summary__list">
                      <li>
                        <a href="#answer">{view.error}</a>
                      </li>
                    </ul>
                  </div>
                </div>
              </div>
            )}
            <form method="post" action={stepUrl(view.step, { changing: view.changing })} novalidate onSubmit={onSubmit} key={view.step}>
              <div ref={heading} class="app-question-heading" tabIndex={-1}>
                <QuestionFields question={question} value={view.error ? view.submitted : view.answers[view.step]} error={view.error} onToggle={onToggle} />
              </div>
              <button type="submit" class="govuk-button" data-module="govuk-button">
                Continue
              </button>
            </form>
            <details class="govuk-details">
              <summary class="govuk-details__summary">
                <span class="govuk-details__summary-text">Why we ask this</span>
              </summary>
              <div class="govuk-details__text">{question.reason.why}</div>
            </details>
            <p class="govuk-body">
              <a class="govuk-link" href={`${SELF_ASSESSMENT_PATH}/save`}>
                Save your answers and come back later
              </a>
            </p>
          </div>
        </div>
      </main>
    </>
  );
}
