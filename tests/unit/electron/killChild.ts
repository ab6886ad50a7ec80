import { spawn } from 'node:child_process';

/**
 * What a child said before it was killed: the sequence number it found on disk at start-up, the
 * last write it began and the last one it finished; `bad` is its complaint line, if any.
 */
export interface KillRound {
  readySeq: number;
  lastBegin: number;
  lastDone: number;
  bad?: string;
}

/**
 * Runs `node <script> ...args`, kills it with SIGKILL `delayMs` after it prints `ready <seq>`, and
 * reports its `begin <seq>` / `done <seq>` / `bad ...` lines (the crash and kill tests' children).
 */
export function runAndKill(
  script: string,
  args: readonly string[],
  delayMs: number,
): Promise<KillRound> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script, ...args], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    const round: KillRound = { readySeq: -1, lastBegin: -1, lastDone: -1 };
    let buffered = '';
    child.stdout.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      buffered += chunk;
      const lines = buffered.split('\n');
      buffered = lines.pop() ?? '';
      for (const line of lines) {
        const [word, value = ''] = line.split(' ', 2);
        if (word === 'ready') {
          round.readySeq = Number(value);
          round.lastBegin = round.readySeq;
          round.lastDone = round.readySeq;
          setTimeout(() => child.kill('SIGKILL'), delayMs);
        } else if (word === 'begin') round.lastBegin = Number(value);
        else if (word === 'done') round.lastDone = Number(value);
        else if (word === 'bad') round.bad = line;
      }
    });
    child.on('error', reject);
    child.on('close', () => resolve(round));
  });
}
