// Starts the hand-off queue island (src/pages/staff/queue/index.astro).
import { hydrateIsland } from '../hydrate-island.ts';
import QueueView from './QueueView.tsx';

hydrateIsland('queue-view', QueueView);
