// The browser-tab icon: the council's logo in its brand colour, made at build time.
import type { APIRoute } from 'astro';
import logoSvg from '../../content/council/logo.svg?raw';
import { council } from '../config/council.ts';

export const prerender = true;

export const GET: APIRoute = () =>
  new Response(logoSvg.replaceAll('currentColor', council.brandColour), {
    headers: { 'Content-Type': 'image/svg+xml' },
  });
