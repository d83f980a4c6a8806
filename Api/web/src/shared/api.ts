// Calls to the HTTP API with the signed-in user's token; failures surface as ApiError with the ProblemDetails.
import type { ProblemDetails } from "./types";

export class ApiError extends Error {
  constructor(readonly status: number, readonly problem: ProblemDetails | null) {
    super(problem?.detail ?? problem?.title ?? `HTTP ${status}`);
  }

  /** One line for the user: the detail, or the first field error. */
  get summary(): string {
    const first = this.problem?.errors ? Object.entries(this.problem.errors)[0] : undefined;
    return first ? `${first[0]}: ${first[1][0]}` : this.message;
  }
}

export class Api {
  constructor(private readonly token: () => string | null) {}

  get<T>(path: string): Promise<T> {
    return this.send<T>("GET", path);
  }

  post<T>(path: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
    return this.send<T>("POST", path, body, headers);
  }

  delete<T>(path: string): Promise<T> {
    return this.send<T>("DELETE", path);
  }

  private async send<T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<T> {
    const token = this.token();
    const response = await fetch(path, {
      method,
      headers: {
        ...(body === undefined ? {} : { "content-type": "application/json" }),
        ...(token ? { authorization: `Bearer ${token}` } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    if (!response.ok) {
      const problem = response.headers.get("content-type")?.includes("json") ? ((await response.json()) as ProblemDetails) : null;
      throw new ApiError(response.status, problem);
    }
    return (response.status === 204 ? undefined : await response.json()) as T;
  }
}
