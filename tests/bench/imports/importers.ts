/**
 * What the import benchmark needs to know about each importer's screen: where it is, how its
 * file input is labelled, and how its preview, refusal and confirmation look. The one place to
 * update when an import panel's wording changes.
 */
import type { HostileFile } from '../../fixtures/hostileFiles';

export type ImporterKind = HostileFile['kind'];

export interface Importer {
  kind: ImporterKind;
  /** How the table names it. */
  label: string;
  /** The hash route of the page with the import panel, e.g. `/planner`. */
  route: string;
  /** The file input's accessible name. */
  inputLabel: string;
  /** The extension the file is given when it has none of its own. */
  extension: string;
  /** Regular expression (source) for the preview's heading: the file was accepted. */
  previewHeading: string;
  /** The button that applies a previewed import. */
  confirmButton: string;
  /** Regular expression (source) for the status shown once the import has been applied. */
  appliedStatus: string;
  /** What "opening afterwards" opens, for the table. */
  opens: string;
}

/** Alerts in the page: a refusal, or a save that failed. */
export const ALERT_SELECTOR = '[role="alert"]';
/** Where a preview's heading can be. */
export const HEADING_SELECTOR = 'h1, h2, h3, h4';
/** Polite status messages ("All changes saved", "Merged …"). */
export const STATUS_SELECTOR = '[role="status"]';

export const IMPORTERS: Readonly<Record<ImporterKind, Importer>> = {
  planner: {
    kind: 'planner',
    label: 'Planner backup',
    route: '/planner',
    inputLabel: 'Import plan',
    extension: '.json',
    previewHeading: '^Import “',
    confirmButton: 'Replace',
    appliedStatus: '^All changes saved$',
    opens: 'the plan',
  },
  annotations: {
    kind: 'annotations',
    label: 'Annotations',
    route: '/annotations',
    inputLabel: 'Import annotations',
    extension: '.jsonld',
    previewHeading: '^Preview of “',
    confirmButton: 'Merge',
    appliedStatus: '^Merged “',
    opens: 'the document',
  },
};

/**
 * The document the annotation files point at: the longest page of the how-to guide, so that
 * near-miss quotes have the most text to be compared against.
 */
export const ANNOTATED_DOC_ID = 'guide-5-funding-and-partners';

/** The reader's margin heading once the document's annotations are anchored: "Highlights (3)", "Highlights (2,923)". */
export const HIGHLIGHTS_READY = '^Highlights \\([\\d,]+\\)$';

/** A light page to leave for before "opening" something, so the opening is a real navigation. */
export const NEUTRAL_ROUTE = '/about';
