// Hydrates a server-rendered island: the element with the given id, with the props in the JSON
// data block beside it (src/components/IslandProps.astro). No inline script is needed.
import { h, hydrate, type ComponentType } from 'preact';

export function hydrateIsland<P extends object>(id: string, component: ComponentType<P>): void {
  const root = document.getElementById(id);
  const data = document.getElementById(`${id}-props`);
  if (root && data?.textContent) hydrate(h(component, JSON.parse(data.textContent) as P), root);
}
