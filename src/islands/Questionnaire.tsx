// The self-assessment's question pages as a Preact island. The server renders it as a plain
// form (the whole journey works without JavaScript); in the browser it runs the same machine
// (journey.ts) to move between questions at once, keeping URLs and history right, while each
// answer is also saved to the server in the background, in order.
// A class component, so the island needs no preact/hooks (size budget: 20 KB gzipped in all).
import { Component } from 'preact';
import type { Answers } from '../domain/questionnaire/answers.ts';
import { answer, canShow, previousStep, replay } from '../domain/questionnaire/journey.ts';
import { validateAnswer, type Question } from '../domain/questionnaire/questions.ts';
import { QuestionFields } from './QuestionFields.tsx';
import { SELF_ASSESSMENT_PATH, questionFromPath, stepUrl } from '../routes/self-assessment.ts';

/** The island's own words, in the page's language (from the message files, on the server). */
export interface QuestionnaireText {
  back: string;
  continue: string;
  thereIsAProblem: string;
  errorPrefix: string;
  whyWeAsk: string;
  saveForLater: string;
  or: string;
  exclusiveError: string;
}

export interface QuestionnaireProps {
  /** The questions in the page's language. */
  questions: Question[];
  /** Where the pages are in this language: "" for English, "/pl" for Polish. */
  base: string;
  text: QuestionnaireText;
  answers: Answers;
  step: string;
  changing: boolean;
  /** A one-time error from the server (no-JavaScript path). */
  error?: string;
  submitted?: string[];
  /** The end of the page title, after the question. */
  titleSuffix: string;
  /** Offer "save and come back later" (not when an adviser is going through it with someone). */
  canSave?: boolean;
}

interface View {
  answers: Answers;
  step: string;
  changing: boolean;
  error?: string;
  submitted?: string[];
}

export default class Questionnaire extends Component<QuestionnaireProps, View> {
  private saving: Promise<void> = Promise.resolve();
  private focusTarget: HTMLElement | null = null;

  constructor(props: QuestionnaireProps) {
    super(props);
    const { answers, step, changing, error, submitted } = props;
    this.state = { answers, step, changing, error, submitted };
  }

  override componentDidMount() {
    addEventListener('popstate', this.onPopState);
  }

  override componentWillUnmount() {
    removeEventListener('popstate', this.onPopState);
  }

  override componentDidUpdate(_: QuestionnaireProps, previous: View) {
    const { step, error } = this.state;
    if (previous.step === step && previous.error === error) return;
    // As a new page would: a new title, and focus on the error summary or the question.
    document.title = `${error ? `${this.props.text.errorPrefix} ` : ''}${this.question().title} - ${this.props.titleSuffix}`;
    // The language navigation (outside the island) follows the question shown, so switching
    // language keeps the person's place as well as their answers.
    const path = stepUrl(step, { changing: this.state.changing });
    for (const link of document.querySelectorAll<HTMLAnchorElement>('a[rel="alternate"][hreflang]'))
      link.href = `${link.hreflang === 'en' ? '' : `/${link.hreflang}`}${path}`;
    const target = error ? document.querySelector<HTMLElement>('.govuk-error-summary') : this.focusTarget;
    target?.focus();
  }

  private question(step = this.state.step): Question {
    return this.props.questions.find((q) => q.id === step)!;
  }

  /** A page of the self-assessment in the page's language. */
  private url(step: string, options?: { changing?: boolean }): string {
    return `${this.props.base}${stepUrl(step, options)}`;
  }

  private onPopState = () => {
    const step = questionFromPath(location.pathname.slice(this.props.base.length));
    if (step && canShow(replay({ answers: this.state.answers, confirmed: false }), step)) {
      this.setState({ step, changing: location.search.includes('change'), error: undefined, submitted: undefined });
    } else {
      location.reload();
    }
  };

  /**
   * Saves one answer on the server, after any before it. The server has the last word: if it
   * disagrees, or the save fails, the browser loads the server's page for that step, which shows
   * what was saved.
   */
  private save(step: string, raw: string[], changing: boolean, expectedNext: string): Promise<boolean> {
    const body = new URLSearchParams(raw.map((v) => ['answer', v]));
    const job = async () => {
      const response = await fetch(this.url(step, { changing }), { method: 'POST', body, headers: { Accept: 'application/json' } });
      const result = (await response.json()) as { ok: boolean; next?: string; restart?: boolean };
      if (result.restart) location.assign(`${this.props.base}${SELF_ASSESSMENT_PATH}?expired=1`);
      else if (!result.ok || result.next !== expectedNext) location.assign(this.url(result.next ?? step));
      else return true;
      return false;
    };
    const saved = this.saving.then(job).catch(() => {
      location.assign(this.url(step, { changing }));
      return false;
    });
    this.saving = saved.then(() => undefined);
    return saved;
  }

  /** GOV.UK's "exclusive" checkbox: "None of these" and the other options untick each other. */
  private onToggle = (value: string, checked: boolean) => {
    const question = this.question();
    const exclusive = question.kind === 'checkboxes' ? question.options.find((o) => o.exclusive)?.value : undefined;
    if (!checked || !exclusive) return;
    for (const input of document.querySelectorAll<HTMLInputElement>('input[name="answer"]')) {
      if (value === exclusive ? input.value !== exclusive : input.value === exclusive) input.checked = false;
    }
  };

  private onSubmit = async (event: Event) => {
    event.preventDefault();
    const { answers, step, changing } = this.state;
    const question = this.question();
    const raw = new FormData(event.currentTarget as HTMLFormElement).getAll('answer').map(String);
    const checked = validateAnswer(question, question.kind === 'checkboxes' ? raw : raw[0], this.props.text.exclusiveError);
    if (!checked.ok) {
      this.setState({ error: checked.error, submitted: raw });
      return;
    }
    const { draft, next } = answer({ answers, confirmed: false }, step, checked.value, { changing });
    const saved = this.save(step, raw, changing, next);
    if (this.props.questions.some((q) => q.id === next)) {
      history.pushState(null, '', this.url(next, { changing }));
      this.setState({ answers: draft.answers, step: next, error: undefined, submitted: undefined });
    } else {
      // Check answers and results are pages of their own: go there once the answer is saved.
      if (await saved) location.assign(this.url(next));
    }
  };

  private onBack = (event: Event) => {
    const previous = previousStep(replay({ answers: this.state.answers, confirmed: false }), this.state.step);
    if (this.state.changing || !previous) return;
    event.preventDefault();
    history.pushState(null, '', this.url(previous));
    this.setState({ step: previous, error: undefined, submitted: undefined });
  };

  override render() {
    const { answers, step, changing, error, submitted } = this.state;
    const question = this.question();
    const previous = previousStep(replay({ answers, confirmed: false }), step);
    const { text } = this.props;
    const back = changing ? this.url('checkAnswers') : previous && this.url(previous);
    return (
      <>
        {back && (
          <a href={back} class="govuk-back-link" onClick={this.onBack}>
            {text.back}
          </a>
        )}
        <main class="govuk-main-wrapper" id="main-content">
          <div class="govuk-grid-row">
            <div class="govuk-grid-column-two-thirds">
              {error && (
                <div class="govuk-error-summary" data-module="govuk-error-summary" tabIndex={-1}>
                  <div role="alert">
                    <h2 class="govuk-error-summary__title">{text.thereIsAProblem}</h2>
                    <div class="govuk-error-summary__body">
                      <ul class="govuk-list govuk-error-summary__list">
                        <li>
                          <a href="#answer">{error}</a>
                        </li>
                      </ul>
                    </div>
                  </div>
                </div>
              )}
              <form method="post" action={this.url(step, { changing })} novalidate onSubmit={this.onSubmit} key={step}>
                <div
                  ref={(el) => {
                    this.focusTarget = el;
                  }}
                  class="app-question-heading"
                  tabIndex={-1}
                >
                  <QuestionFields
                    question={question}
                    value={error ? submitted : answers[step]}
                    error={error}
                    errorPrefix={text.errorPrefix}
                    or={text.or}
                    onToggle={this.onToggle}
                  />
                </div>
                <button type="submit" class="govuk-button" data-module="govuk-button">
                  {text.continue}
                </button>
              </form>
              <details class="govuk-details">
                <summary class="govuk-details__summary">
                  <span class="govuk-details__summary-text">{text.whyWeAsk}</span>
                </summary>
                <div class="govuk-details__text">{question.reason.why}</div>
              </details>
              {this.props.canSave !== false && (
                <p class="govuk-body">
                  <a class="govuk-link" href={`${this.props.base}${SELF_ASSESSMENT_PATH}/save`}>
                    {text.saveForLater}
                  </a>
                </p>
              )}
            </div>
          </div>
        </main>
      </>
    );
  }
}
