// The one-line status toast every client shows: a message for five seconds, or an API problem's summary.
import { ApiError } from "./api";

export function statusLine(element: HTMLElement): { say(message: string): void; failed(error: unknown): void } {
  let timer = 0;
  const say = (message: string) => {
    element.textContent = message;
    clearTimeout(timer);
    timer = window.setTimeout(() => { element.textContent = ""; }, 5000);
  };
  return { say, failed: (error: unknown) => say(error instanceof ApiError ? error.summary : String(error)) };
}
