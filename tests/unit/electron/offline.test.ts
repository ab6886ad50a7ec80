import { describe, expect, it } from 'vitest';
import { isForeignRequest, networkUrlsInNetLog } from '../../electron/offline';

describe('isForeignRequest', () => {
  it.each([
    ['app://onmuni/index.html', false],
    ['app://onmuni/assets/index-abc.js', false],
    ['data:image/png;base64,AAAA', false],
    ['blob:app://onmuni/1234', false],
    ['devtools://devtools/bundled/inspector.html', false],
    ['https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic', true],
    ['http://127.0.0.1:9222/json', true],
    ['ws://localhost:5173/', true],
    ['file:///etc/passwd', true],
    ['not a url', true],
  ])('%s -> %s', (url, foreign) => {
    expect(isForeignRequest(url)).toBe(foreign);
  });
});

describe('networkUrlsInNetLog', () => {
  /** A cut-down Chromium net log: constants, then events, with JSON-escaped slashes. */
  const log = (events: string) =>
    `{"constants":{"clientInfo":{"name":"Electron"}},"events":[${events}`;

  it('finds nothing in a log of app:// traffic and the debugging connection alone', () => {
    const text = log(
      '{"params":{"url":"app://onmuni/index.html"}},' +
        '{"params":{"url":"ws://127.0.0.1:9333/devtools/browser/abc"}},' +
        '{"params":{"url":"http:\\/\\/localhost:9333\\/json\\/version"}}',
    );
    expect(networkUrlsInNetLog(text, 9333)).toEqual([]);
  });

  it('names every outside address, escaped or not, once each, even in an unfinished log', () => {
    const text = log(
      '{"params":{"url":"https:\\/\\/redirector.gvt1.com\\/edgedl\\/chrome\\/dict\\/en-us-10-1.bdic"}},' +
        '{"params":{"url":"https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic"}},' +
        '{"params":{"host":"wss://relay.example:443/socket"}},' +
        '{"params":{"url":"http://127.0.0.1:9444/json"}}',
    );
    expect(networkUrlsInNetLog(text, 9333)).toEqual([
      'https://redirector.gvt1.com/edgedl/chrome/dict/en-us-10-1.bdic',
      'wss://relay.example:443/socket',
      'http://127.0.0.1:9444/json',
    ]);
  });

  it('does not take a look-alike host for the debugging endpoint', () => {
    const text = log('{"params":{"url":"http://127.0.0.1:9333.evil.example/"}}');
    expect(networkUrlsInNetLog(text, 9333)).toEqual(['http://127.0.0.1:9333.evil.example/']);
  });
});
