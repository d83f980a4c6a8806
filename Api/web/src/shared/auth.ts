// Signing in. Embedded mode issues development tokens at POST /api/dev/token; each page keeps its token in
// localStorage, and in the tandem.token cookie (same site only) for requests that cannot carry a header:
// sendBeacon on leave and page navigations to the dashboard.
import type { TokenResponse } from "./types";

export type Role = "shopper" | "courier" | "ops";

interface Stored { token: string; subject: string; expires: number; }

/** Where a role's token is kept; an operator who is staff of a store keeps one per store. */
const key = (role: Role, store?: string) => (store ? `tandem.auth.${role}.${store}` : `tandem.auth.${role}`);

export function current(role: Role, store?: string): Stored | null {
  const raw = localStorage.getItem(key(role, store));
  if (!raw) return null;
  const stored = JSON.parse(raw) as Stored;
  return stored.expires - Date.now() > 60_000 ? stored : null;
}

/** Signs in as <paramref>subject</paramref>; an operator may sign in as staff of <paramref>store</paramref>. */
export async function signIn(role: Role, subject: string, store?: string): Promise<Stored> {
  const response = await fetch("/api/dev/token", {
    method: "POST",
    headers: { "content-type": "application/json" },
    body: JSON.stringify({ role, subject, ...(store ? { store } : {}) }),
  });
  if (!response.ok) throw new Error(`Could not sign in as ${subject} (${response.status}).`);
  const issued = (await response.json()) as TokenResponse;
  const stored: Stored = { token: issued.accessToken, subject, expires: Date.now() + issued.expiresIn * 1000 };
  localStorage.setItem(key(role, store), JSON.stringify(stored));
  document.cookie = `tandem.token=${issued.accessToken}; path=/; SameSite=Strict; max-age=${issued.expiresIn}`;
  return stored;
}

/** The signed-in user of this role, signing in as <paramref>fallbackSubject</paramref> when nobody is. */
export async function ensure(role: Role, fallbackSubject: () => string): Promise<Stored> {
  const existing = current(role);
  if (existing) {
    document.cookie = `tandem.token=${existing.token}; path=/; SameSite=Strict; max-age=${Math.floor((existing.expires - Date.now()) / 1000)}`;
    return existing;
  }
  return signIn(role, fallbackSubject());
}

/**
 * Staff of the store the page names (`?store=`, the Camden store by default), signed in as `?operator=` when it is
 * given, else as whoever already is at that store, else as new staff.
 */
export async function storeStaff(params: URLSearchParams): Promise<{ store: string; user: Stored }> {
  const store = params.get("store") ?? "st-camden";
  const asked = params.get("operator");
  const signedIn = current("ops", store);
  const user = signedIn && (!asked || signedIn.subject === asked) ? signedIn : await signIn("ops", asked ?? randomId("staff"), store);
  return { store, user };
}

export function signOut(role: Role): void {
  localStorage.removeItem(key(role));
  document.cookie = "tandem.token=; path=/; SameSite=Strict; max-age=0";
}

/** A random identifier suffix (letters and digits), for new shopper and session ids. */
export function randomId(prefix: string): string {
  const bytes = crypto.getRandomValues(new Uint8Array(6));
  return prefix + "-" + Array.from(bytes, b => b.toString(16).padStart(2, "0")).join("");
}
