// Starts the plan editor island (src/pages/staff/cases/[id]/plan/index.astro).
import { hydrateIsland } from '../hydrate-island.ts';
import PlanEditor from './PlanEditor.tsx';

hydrateIsland('plan-editor', PlanEditor);
