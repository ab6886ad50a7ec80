/** The copies sync tools make of member files are recognised; the app's own names too. */
import { describe, expect, it } from 'vitest';
import { classifyMemberFile } from '../../../renderer/src/core/team/conflictNames';

describe('classifyMemberFile', () => {
  it.each(['member.json', 'log-000001.json', 'snapshot-000123.json'])('%s is canonical', (name) => {
    expect(classifyMemberFile(name)).toEqual({ role: 'canonical', base: name });
  });

  it.each([
    ['log-000001 (conflicted copy).json', 'log-000001.json'],
    ["log-000001 (Sam's conflicted copy 2026-12-06).json", 'log-000001.json'],
    ['log-000001 (conflicted copy 2026-12-06 120000).json', 'log-000001.json'],
    ['log-000001.sync-conflict-20261206-120000-ABCDEFG.json', 'log-000001.json'],
    ['log-000001-PC2.json', 'log-000001.json'],
    ['log-000001-DESKTOP-ABC.json', 'log-000001.json'],
    ['log-000001 (1).json', 'log-000001.json'],
    ['log-000001 - Copy.json', 'log-000001.json'],
    ['snapshot-000008.sync-conflict-20261206-120000-XYZ1234.json', 'snapshot-000008.json'],
    ['member (conflicted copy).json', 'member.json'],
    ['member-LAPTOP.json', 'member.json'],
  ])('%s is a conflict copy of %s', (name, base) => {
    expect(classifyMemberFile(name)).toEqual({ role: 'conflictCopy', base });
  });

  it('reads any other JSON file and ignores everything else', () => {
    expect(classifyMemberFile('notes.json')).toEqual({ role: 'otherJson' });
    expect(classifyMemberFile('log-1.json')).toEqual({ role: 'otherJson' });
    expect(classifyMemberFile('LOG-000001.JSON')).toEqual({ role: 'otherJson' });
    expect(classifyMemberFile('log-000001.json.part')).toEqual({ role: 'ignored' });
    expect(classifyMemberFile('desktop.ini')).toEqual({ role: 'ignored' });
  });
});
