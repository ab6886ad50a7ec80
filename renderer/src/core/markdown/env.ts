import type { Env } from 'markdown-it';
import type { GlossaryMatcher } from './glossaryMatcher';

/** A heading found while rendering, for the table of contents. */
export interface RenderedHeading {
  level: number;
  text: string;
  slug: string;
  domId: string;
}

/** Per-render state shared by the rules (markdown-it's `env`). */
export interface RenderEnv extends Env {
  /** The document being rendered: in-page `#anchor` links become routes to it. */
  docId: string;
  /** Marks glossary terms; null renders without marking. */
  glossary: GlossaryMatcher | null;
  /** Filled by the heading rule. */
  headings: RenderedHeading[];
}

/** The typed view of markdown-it's untyped `env`, in one place. */
export function renderEnvOf(state: { env: Env }): RenderEnv {
  return state.env as RenderEnv;
}
