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
 * The English catalogue: one JSON file per namespace (the app frame, the shared kit, and each
 * feature), so a translator works file by file and a later language adds `locales/<lang>/`.
 */
export const en = {
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
} as const;

export type Namespace = keyof typeof en;
