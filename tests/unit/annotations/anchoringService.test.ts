/**
 * The anchoring worker's loop over a real MessageChannel: a job sent in parts (as the page sends
 * it) is put back together and answered with the same findings as anchoring it in one go.
 */
import { MessageChannel } from 'node:worker_threads';
import { afterEach, describe, expect, it } from 'vitest';
import { anchoringItemOf, findAll } from '../../../renderer/src/core/annotations';
import { WorkMeter } from '../../../renderer/src/core/annotations/anchoring/workMeter';
import {
  serveAnchoring,
  type AnchoringReply,
  type AnchoringRequest,
} from '../../../renderer/src/ui/annotations/reader/anchoringService';
import { splitIntoParts } from '../../../renderer/src/ui/common/importWorker/listParts';
import { annotationAt } from './anchoringTexts';
import { CASE_STUDY_TEXT } from './fixtures';

const channels: MessageChannel[] = [];
afterEach(() => {
  for (const { port1, port2 } of channels.splice(0)) {
    port1.close();
    port2.close();
  }
});

/** The page's end of a channel whose other end runs `serveAnchoring`. */
function connect() {
  const channel = new MessageChannel();
  channels.push(channel);
  serveAnchoring({
    postMessage: (reply) => channel.port2.postMessage(reply),
    addEventListener: (_type, listener) =>
      channel.port2.on('message', (data) => listener({ data })),
  });
  const replies: AnchoringReply[] = [];
  const next = () =>
    new Promise<AnchoringReply>((resolve) => channel.port1.once('message', resolve));
  return { port: channel.port1, replies, next };
}

const items = Array.from({ length: 30 }, (_, i) =>
  anchoringItemOf(annotationAt(i + 1, CASE_STUDY_TEXT, i, i + 12)),
);

describe('the anchoring worker loop', () => {
  it('puts a job sent in parts back together and finds every item', async () => {
    const { port, next } = connect();
    const request: AnchoringRequest = {
      type: 'anchor',
      job: 7,
      data: { text: CASE_STUDY_TEXT, items },
    };
    const messages = [...splitIntoParts(request, 20)];
    expect(messages.filter((message) => message.type === 'part').length).toBeGreaterThan(3);
    const answer = next();
    for (const message of messages) port.postMessage(message);

    const reply = await answer;
    expect(reply.job).toBe(7);
    expect(reply.findings).toEqual(findAll(CASE_STUDY_TEXT, items, new WorkMeter()));
    expect(reply.findings.every((finding) => finding.status === 'anchored')).toBe(true);
  });

  it('answers jobs one after another on the same worker, each with its own items', async () => {
    const { port, next } = connect();
    for (const [job, count] of [
      [1, 5],
      [2, 12],
    ] as const) {
      const answer = next();
      const request: AnchoringRequest = {
        type: 'anchor',
        job,
        data: { text: CASE_STUDY_TEXT, items: items.slice(0, count) },
      };
      for (const message of splitIntoParts(request, 20)) port.postMessage(message);
      const reply = await answer;
      expect(reply.job).toBe(job);
      expect(reply.findings).toHaveLength(count);
    }
  });
});
