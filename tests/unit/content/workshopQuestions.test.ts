import { describe, expect, it } from 'vitest';
import { edit, issuesWith } from './helpers';

const FILE = 'workshops/workshop-fixture-questions.md';

/** A valid workshop whose one block asks two questions; the lines are numbered for the cases. */
const WORKSHOP = [
  '---', // 1
  'id: workshop-fixture-questions', // 2
  'type: workshop', // 3
  'title: A workshop with questions', // 4
  'summary: Two short sentences. About a workshop.', // 5
  'audience: Council', // 6
  'topics: [broadband]', // 7
  'updated: 2026-11-26', // 8
  'blocks:', // 9
  '  - title: Welcome', // 10
  '    minutes: 10', // 11
  '    purpose: People know why they are here.', // 12
  '    facilitatorNotes: Keep it short.', // 13
  '    activity: Introduce yourself.', // 14
  '    questions:', // 15
  '      - id: first-steps', // 16
  '        kind: dot-vote', // 17
  '        prompt: Which two things first?', // 18
  '        dots: 2', // 19
  '        options: [Name a lead, Set a budget line, Ask for a report]', // 20
  '      - id: ask', // 21
  '        kind: qa', // 22
  '        prompt: What would you like to ask?', // 23
  '---', // 24
  'An introduction for the trainer.', // 25
  '',
].join('\n');

const cases = [
  {
    rule: 'a dot vote without its dots',
    text: edit(WORKSHOP, '        dots: 2\n', ''),
    expect: '16: blocks[0].questions[0].dots:',
    hint: 'must be the dots each participant places, 1 to 10, e.g. dots: 3',
  },
  {
    rule: 'a poll with one option',
    text: edit(
      WORKSHOP,
      '        kind: dot-vote\n        prompt: Which two things first?\n        dots: 2\n        options: [Name a lead, Set a budget line, Ask for a report]',
      '        kind: poll\n        prompt: Which one first?\n        options: [Name a lead]',
    ),
    expect: '19: blocks[0].questions[0].options:',
    hint: 'needs 2 to 12 options for a dot-vote or poll',
  },
  {
    rule: 'a poll with more than one dot',
    text: edit(WORKSHOP, '        kind: dot-vote', '        kind: poll'),
    expect: '19: blocks[0].questions[0].dots:',
    hint: 'must be 1 for a poll',
  },
  {
    rule: 'options on a Q&A',
    text: edit(
      WORKSHOP,
      '        prompt: What would you like to ask?',
      '        prompt: Ask?\n        options: [A, B]',
    ),
    expect: '24: blocks[0].questions[1].options:',
    hint: 'are for dot-vote and poll questions only',
  },
  {
    rule: 'an option twice',
    text: edit(WORKSHOP, 'Ask for a report]', 'name a lead]'),
    expect: '20: blocks[0].questions[0].options:',
    hint: 'lists the same option twice',
  },
  {
    rule: 'more dots than the room allows',
    text: edit(WORKSHOP, '        dots: 2', '        dots: 11'),
    expect: '19: blocks[0].questions[0].dots:',
    hint: 'must be at most 10 dots each',
  },
  {
    rule: 'an unknown kind',
    text: edit(WORKSHOP, '        kind: qa', '        kind: quiz'),
    expect: '22: blocks[0].questions[1].kind:',
    hint: 'must be one of: dot-vote, poll, notes, qa',
  },
  {
    rule: 'an id that is not a slug',
    text: edit(WORKSHOP, '      - id: ask', '      - id: Ask Us'),
    expect: '21: blocks[0].questions[1].id:',
    hint: 'lowercase letters and digits in words joined by single dashes',
  },
  {
    rule: 'two questions with one id',
    text: edit(WORKSHOP, '      - id: ask', '      - id: first-steps'),
    expect: '15: blocks[0].questions:',
    hint: 'has two questions with the same id',
  },
  {
    rule: 'a blank prompt',
    text: edit(WORKSHOP, '        prompt: What would you like to ask?', "        prompt: ' '"),
    expect: '23: blocks[0].questions[1].prompt:',
    hint: 'must not be empty',
  },
];

describe('workshop block questions in front matter', () => {
  it('the template is valid, so each case breaks exactly one rule', async () => {
    expect(await issuesWith({ [FILE]: WORKSHOP })).toEqual([]);
  });

  it.each(cases)('$rule', async ({ text, expect: where, hint }) => {
    const issues = await issuesWith({ [FILE]: text });
    expect(issues, `got:\n${issues.join('\n')}`).toHaveLength(1);
    expect(issues[0]?.startsWith(`content/${FILE}:${where} `), issues[0]).toBe(true);
    expect(issues[0]).toContain(hint);
  });
});
