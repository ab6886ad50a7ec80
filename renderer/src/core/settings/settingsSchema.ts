import { z } from 'zod';
import { LANGUAGE_CODES } from '../../../../electron/shared/language';

/**
 * The current format of the stored settings document. Bump it and add a migration to change it.
 * Version 2 added `language`.
 */
export const SETTINGS_VERSION = 2;

/** Colour themes: `system` follows the operating system's light or dark preference. */
export const THEMES = ['light', 'dark', 'system'] as const;
export type Theme = (typeof THEMES)[number];

/** Text sizes, as a percentage of the browser's default text size. */
export const TEXT_SIZES = [100, 112, 125, 150] as const;
export type TextSize = (typeof TEXT_SIZES)[number];

/** Longest author name kept; longer names are almost certainly pasted by mistake. */
export const AUTHOR_NAME_MAX = 80;

/** One schema per field, so that a bad field can be reset alone without losing the others. */
export const settingsFieldSchemas = {
  theme: z.enum(THEMES),
  textSize: z.union([z.literal(100), z.literal(112), z.literal(125), z.literal(150)]),
  authorName: z.string().max(AUTHOR_NAME_MAX),
  /** The interface language the user chose; `null` follows the system's (see systemLanguage). */
  language: z.enum(LANGUAGE_CODES).nullable(),
} as const;

/** The stored settings document, current version. */
export const settingsSchema = z.strictObject({
  version: z.literal(SETTINGS_VERSION),
  ...settingsFieldSchemas,
});

export type Settings = z.infer<typeof settingsSchema>;

/** Settings for a first start. */
export function defaultSettings(): Settings {
  return {
    version: SETTINGS_VERSION,
    theme: 'system',
    textSize: 100,
    authorName: '',
    language: null,
  };
}
