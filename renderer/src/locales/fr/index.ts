import type { en, Namespace } from '../en';
import about from './about.json';
import annotations from './annotations.json';
import app from './app.json';
import common from './common.json';
import content from './content.json';
import library from './library.json';
import own from './own.json';
import packs from './packs.json';
import plan from './plan.json';
import planner from './planner.json';
import problems from './problems.json';
import reader from './reader.json';
import room from './room.json';
import search from './search.json';
import settings from './settings.json';
import team from './team.json';
import workshops from './workshops.json';

/**
 * A translation of one English catalogue file: every English key, nested the same way, each
 * value a string. French plurals have a `many` form (1 000 000 de…) that English lacks, so
 * beside every English `x_one` a French file may add `x_many`; it is optional in the type so
 * that English never has to carry it (tests/unit/i18n/frenchCatalogue.test.ts requires it).
 * A missing key is a type error; an extra key is caught by that parity test, because tsc does
 * not check excess properties of an imported JSON file.
 */
export type Translation<T> = T extends string
  ? string
  : { [K in keyof T]: Translation<T[K]> } & {
      [K in keyof T as K extends `${infer Base}_one` ? `${Base}_many` : never]?: string;
    };

/** The French catalogue so far, namespace by namespace: i18next falls back to English for the rest. */
export type FrenchCatalogue = { [N in Namespace]?: Translation<(typeof en)[N]> };

/**
 * The French catalogue (`locales/fr/<namespace>.json`). A namespace is registered here once
 * its file is complete; the parity test checks every registered one against English.
 */
export const fr: FrenchCatalogue = {
  about,
  annotations,
  app,
  common,
  content,
  library,
  own,
  packs,
  plan,
  planner,
  problems,
  reader,
  room,
  search,
  settings,
  team,
  workshops,
};
