// Starts the questionnaire island: hydrates the server-rendered question page with the same
// component and the props the server used (a JSON script element beside it). Astro's own island
// loader would add about 1.6 KB gzipped, so the page hydrates it directly.
import { h, hydrate } from 'preact';
import Questionnaire, { type QuestionnaireProps } from './Questionnaire.tsx';

const root = document.getElementById('questionnaire');
const data = document.getElementById('questionnaire-props');
if (root && data?.textContent) {
  hydrate(h(Questionnaire, JSON.parse(data.textContent) as QuestionnaireProps), root);
}
