/**
 * The page's one live region: joining refusals, sent answers, connection trouble. Screen readers
 * hear each message; everyone sees it under the form.
 */
export interface Status {
  say(message: string, tone?: 'info' | 'error'): void;
  clear(): void;
}

export function createStatus(region: HTMLElement): Status {
  let timer: number | undefined;
  return {
    say(message, tone = 'info') {
      // Emptied first, so the same message said twice is announced twice.
      window.clearTimeout(timer);
      region.textContent = '';
      region.dataset.tone = tone;
      timer = window.setTimeout(() => {
        region.textContent = message;
      }, 50);
    },
    clear() {
      window.clearTimeout(timer);
      region.textContent = '';
      delete region.dataset.tone;
    },
  };
}
