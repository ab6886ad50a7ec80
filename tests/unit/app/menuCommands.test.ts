import { JSDOM } from 'jsdom';
import { describe, expect, it } from 'vitest';
import { menuCommandAction, menuTargetSelector } from '../../../renderer/src/ui/app/menuCommands';

describe('menuCommandAction', () => {
  it('focuses search and prints wherever you are', () => {
    expect(menuCommandAction('search', 'doc')).toEqual({ kind: 'focus-search' });
    expect(menuCommandAction('print', null)).toEqual({ kind: 'print' });
  });

  it.each([
    ['import', 'doc', '#/annotations'],
    ['export', 'annotations', '#/annotations'],
    ['import', 'planner', '#/planner'],
    ['export', 'library', '#/planner'],
    ['import', 'workshops', '#/planner'],
    ['export', null, '#/planner'],
  ] as const)('%s from %s goes to %s', (command, current, hash) => {
    expect(menuCommandAction(command, current)).toMatchObject({
      kind: 'go-to',
      hash,
      target: command,
    });
  });

  it('opens the Content packs page asking it to focus its import, from anywhere', () => {
    for (const current of ['doc', 'packs', null]) {
      expect(menuCommandAction('import-pack', current)).toEqual({
        kind: 'open',
        hash: '#/packs?import=1',
      });
    }
  });

  it('opens the import there (its control opens the open dialog), but only shows the exports', () => {
    expect(menuCommandAction('import', 'doc')).toMatchObject({ target: 'import', activate: true });
    expect(menuCommandAction('export', 'doc')).toMatchObject({ target: 'export', activate: false });
  });

  it('selects the marked heading, whose marker may list both commands', () => {
    const { document } = new JSDOM(
      '<h2 id="both" data-menu-target="import export"></h2><h2 id="exports" data-menu-target="export"></h2>',
    ).window;
    expect(document.querySelector(menuTargetSelector('import'))?.id).toBe('both');
    const exportTargets = [...document.querySelectorAll(menuTargetSelector('export'))];
    expect(exportTargets.map((element) => element.id)).toEqual(['both', 'exports']);
  });
});
