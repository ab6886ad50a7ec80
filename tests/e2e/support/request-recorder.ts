import type { BrowserContext, Request, WebSocket } from 'playwright-core';

/** Schemes that never reach the network. */
const LOCAL_SCHEMES = new Set(['data:', 'blob:', 'about:']);

/**
 * Records every request a browser context makes and blocks any that would leave the app's
 * origin, so a test both notices a leak (the app must work with no network) and never actually
 * sends one.
 */
export class RequestRecorder {
  /** Every request URL seen, in order. */
  readonly all: string[] = [];
  /** Requests to any origin other than the app's. */
  readonly foreign: string[] = [];
  private readonly origin: string;

  private constructor(appOrigin: string) {
    this.origin = appOrigin;
  }

  /** Starts recording (and blocking foreign requests) on a context. */
  static async attach(context: BrowserContext, appBaseURL: string): Promise<RequestRecorder> {
    const recorder = new RequestRecorder(new URL(appBaseURL).origin);
    context.on('request', (request: Request) => recorder.record(request.url()));
    context.on('page', (page) =>
      page.on('websocket', (socket: WebSocket) => recorder.record(socket.url())),
    );
    await context.route(
      (url) => recorder.isForeign(url.href),
      (route) => route.abort('blockedbyclient'),
    );
    return recorder;
  }

  /** True when a URL would leave the app's origin. */
  isForeign(url: string): boolean {
    const parsed = new URL(url);
    return !LOCAL_SCHEMES.has(parsed.protocol) && parsed.origin !== this.origin;
  }

  private record(url: string): void {
    this.all.push(url);
    if (this.isForeign(url)) this.foreign.push(url);
  }

  /** A description of the requests that left the app's origin, if any. */
  problems(): string[] {
    if (this.foreign.length === 0) return [];
    const list = this.foreign.join('\n  ');
    return [`${this.foreign.length} request(s) left the app's origin (${this.origin}):\n  ${list}`];
  }
}
