// Starts the questionnaire island: hydrates the server-rendered question page with the same
// component and the props the server used (a JSON script element beside it). Astro's own island
// loader would add about 1.6 KB gzipped (and is an inline script), so the page hydrates it directly.
import { hydrateIsland } from './hydrate-island.ts';
import Questionnaire from './Questionnaire.tsx';

hydrateIsland('questionnaire', Questionnaire);
