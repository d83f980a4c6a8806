// The courier's phone (mobile first): online/offline, position sharing, offers with a countdown, and the
// pickup → dropoff list with "picked up" / "delivered" (for a return: "collected" at the door / "at sorting").
import { Events, Methods, Routes } from "../generated/hub-contract";
import { Api } from "../shared/api";
import * as auth from "../shared/auth";
import { byId, distance, h, replace, time } from "../shared/dom";
import { connect, started } from "../shared/hub";
import { statusLine } from "../shared/status";
import type { CourierAssignment, CourierChanged, CourierOffer, CourierView, GeoPoint, Location } from "../shared/types";

/** A bicycle courier in town: about 18 km/h. */
const SpeedKmh = 18;
const ReportEveryMs = 2000;

const view = byId("view");
const { say, failed } = statusLine(byId("status"));
let user: { token: string; subject: string } | null = null;
let courier: CourierView | null = null;
let places: Location[] = [];
let geolocation: number | null = null;
let simulated = true;

const api = new Api(() => user?.token ?? null);
const hub = connect(Routes.Courier, () => user?.token ?? null, () => void refresh());
hub.on(Events.CourierChanged, (change: CourierChanged) => accept(change.courier));
hub.on(Events.Offer, () => void refresh());
hub.on(Events.Assignment, () => void refresh());
hub.on(Events.OrderChanged, () => void refresh());


function accept(next: CourierView): void {
  if (!courier || next.courierId !== courier.courierId || next.version < courier.version) return;
  courier = next;
  render();
}

async function refresh(): Promise<void> {
  if (!user) return;
  courier = await api.get<CourierView>(`/api/couriers/${encodeURIComponent(user.subject)}`);
  render();
}

async function signIn(id: string): Promise<void> {
  user = await auth.signIn("courier", id);
  places = await api.get<Location[]>("/api/locations");
  await refresh();
  await started(hub);
  await hub.invoke(Methods.Join, user.subject);
  replace(byId("who"), h("span", {}, "Signed in as ", h("strong", {}, user.subject)));
  startReporting();
}

function placeName(id: string): string {
  return places.find(p => p.id === id)?.name ?? id;
}

/** The name of the location at a position (a return's sorting centre), or null. */
function placeAt(point: GeoPoint): string | null {
  return places.find(p => p.position.lat === point.lat && p.position.lon === point.lon)?.name ?? null;
}

// ---- rendering -------------------------------------------------------------------------------------------

const StatusNames: Record<CourierView["status"], string> = { offline: "Offline", idle: "Online, waiting for orders", toPickup: "Heading to a pickup", toDropoff: "Delivering" };

function render(): void {
  if (!courier) return;
  const c = courier;
  const online = c.status !== "offline";
  replace(view,
    h("section", { class: "panel", "aria-labelledby": "me" },
      h("h1", { id: "me" }, c.name),
      h("p", {}, "Status: ", h("strong", { id: "courier-status" }, StatusNames[c.status])),
      h("button", { type: "button", id: "toggle-online", class: online ? "big" : "primary big", "aria-pressed": online,
        disabled: online && c.assignments.length > 0, onclick: () => void setOnline(!online) }, online ? "Go offline" : "Go online"),
      h("label", { class: "share" },
        h("input", { type: "checkbox", id: "use-gps", checked: !simulated, onchange: (e: Event) => useDevicePosition((e.target as HTMLInputElement).checked) }),
        " Use this phone's location (else a simulated ride)"),
      h("p", { class: "muted", id: "position" }, c.position ? `Position ${c.position.lat.toFixed(5)}, ${c.position.lon.toFixed(5)}` : "No position yet"),
      c.pushEnabled
        ? h("p", {}, "Offers also arrive as notifications. ", h("button", { type: "button", class: "link", id: "push-off", onclick: () => void disablePush() }, "Turn off"))
        : h("button", { type: "button", class: "big", id: "push-on", onclick: () => void enablePush() }, "Get offers when this page is in the background")),
    c.offer ? renderOffer(c.offer) : null,
    h("section", { class: "panel", "aria-labelledby": "jobs" },
      h("h2", { id: "jobs" }, "Your stops"),
      c.assignments.length === 0 ? h("p", { class: "muted" }, "Nothing to carry.") : h("ol", { class: "stops", id: "stops" }, ...stopsOf(c).map(s => {
        const carried = c.assignments.find(a => a.orderId === s.orderId);
        return h("li", { "data-order": s.orderId, "data-stop": s.isPickup ? "pickup" : "dropoff", "data-kind": carried?.kind ?? "delivery" },
          h("p", {}, ...stopText(s, carried)),
          h("p", { class: "muted" }, `${distance(c.position ? km(c.position, s.position) : null)} away`,
            s.eta ? ` · ETA ${time(s.eta)}` : "", s.promisedBy ? ` · due ${time(s.promisedBy)}` : ""),
          stopButton(s, carried));
      }))));
  tickCountdown();
}

/** What to do at a stop: collect or deliver an order, or collect a return at the door and take it to sorting. */
function stopText(s: { orderId: string; isPickup: boolean; locationId?: string | null; position: GeoPoint }, carried: CourierAssignment | undefined): (string | HTMLElement)[] {
  if (carried?.kind === "returnPickup") {
    return s.isPickup
      ? ["Collect return ", h("code", {}, s.orderId), " from the shopper's door"]
      : ["Take return ", h("code", {}, s.orderId), ` to sorting${placeAt(s.position) ? ` at ${placeAt(s.position)}` : ""}`];
  }
  return [s.isPickup ? "Collect " : "Deliver ", h("code", {}, s.orderId), s.isPickup ? ` at ${placeName(s.locationId ?? "")}` : ""];
}

function stopButton(s: { orderId: string; isPickup: boolean }, carried: CourierAssignment | undefined): HTMLElement | null {
  if (carried?.kind === "returnPickup") {
    return s.isPickup
      ? h("button", { type: "button", class: "primary big", id: `collected-${s.orderId}`, onclick: () => void returnStep(s.orderId, "collected") }, "Collected")
      : carried.pickedUp
        ? h("button", { type: "button", class: "primary big", id: `sorting-${s.orderId}`, onclick: () => void returnStep(s.orderId, "sorting") }, "At sorting")
        : null;
  }
  return s.isPickup
    ? h("button", { type: "button", class: "primary big", id: `picked-up-${s.orderId}`, onclick: () => void step(s.orderId, "picked-up") }, "Picked up")
    : carried?.pickedUp
      ? h("button", { type: "button", class: "primary big", id: `delivered-${s.orderId}`, onclick: () => void step(s.orderId, "delivered") }, "Delivered")
      : null;
}

/** The stops in the order the route was planned (a batch's pickups and drop-offs); without a plan, each order's next stop. */
function stopsOf(c: CourierView): { orderId: string; isPickup: boolean; locationId?: string | null; position: GeoPoint; eta?: string; promisedBy?: string | null }[] {
  if (c.stops.length > 0) return c.stops;
  return c.assignments.map(a => a.pickedUp
    ? { orderId: a.orderId, isPickup: false, position: a.dropoff }
    : { orderId: a.orderId, isPickup: true, locationId: a.pickupLocationId, position: a.pickup });
}

function renderOffer(offer: CourierOffer): HTMLElement {
  const isReturn = offer.kind === "returnPickup";
  return h("section", { class: "panel offer", id: "offer", "aria-labelledby": "offer-title", "data-order": offer.orderId, "data-kind": offer.kind },
    h("h2", { id: "offer-title" }, isReturn ? "Return pickup offered" : "New order offered"),
    h("p", {}, isReturn
      ? `Collect a return at the shopper's door, take it to sorting${placeAt(offer.dropoff) ? ` at ${placeAt(offer.dropoff)}` : ""}, ${distance(km(offer.pickup, offer.dropoff))} from there.`
      : `Collect at ${placeName(offer.pickupLocationId)}, deliver ${distance(km(offer.pickup, offer.dropoff))} from there.`),
    h("p", {}, "Answer within ", h("span", { class: "countdown", id: "countdown", "data-expires": offer.expiresAt }, ""), " s"),
    h("button", { type: "button", class: "primary big", id: "accept-offer", onclick: () => void answer(offer.orderId, true) }, "Accept"),
    h("button", { type: "button", class: "big", id: "decline-offer", onclick: () => void answer(offer.orderId, false) }, "Decline"));
}

function tickCountdown(): void {
  const countdown = document.getElementById("countdown");
  if (!countdown) return;
  const left = Math.max(0, Math.ceil((Date.parse(countdown.dataset.expires ?? "") - Date.now()) / 1000));
  countdown.textContent = String(left);
  if (left === 0) void refresh();
}
setInterval(tickCountdown, 250);

// ---- commands --------------------------------------------------------------------------------------------

async function setOnline(online: boolean): Promise<void> {
  try {
    const result = await api.post<{ courier: CourierView }>(`/api/couriers/${user!.subject}/status`, { status: online ? "idle" : "offline" });
    courier = result.courier;
    render();
  } catch (error) {
    failed(error);
  }
}

async function answer(orderId: string, take: boolean): Promise<void> {
  try {
    await api.post(`/api/couriers/${user!.subject}/offers/${orderId}/${take ? "accept" : "decline"}`, {});
    say(take ? "Accepted: head to the pickup." : "Offer declined.");
  } catch (error) {
    failed(error);
  }
  await refresh();
}

async function step(orderId: string, what: "picked-up" | "delivered"): Promise<void> {
  await post(`/api/orders/${orderId}/${what}`, what === "delivered" ? "Delivered. Thank you!" : "Picked up: on to the drop-off.");
}

async function returnStep(returnId: string, what: "collected" | "sorting"): Promise<void> {
  await post(`/api/returns/${returnId}/${what}`, what === "sorting" ? "Handed to sorting. Thank you!" : "Collected: on to sorting.");
}

async function post(path: string, done: string): Promise<void> {
  try {
    await api.post(path, {});
    say(done);
  } catch (error) {
    failed(error);
  }
  await refresh();
}

// ---- Web Push ----------------------------------------------------------------------------------------------

async function enablePush(): Promise<void> {
  try {
    if (!("serviceWorker" in navigator) || !("PushManager" in window)) throw new Error("This browser cannot receive push messages.");
    if ((await Notification.requestPermission()) !== "granted") throw new Error("Notifications are blocked for this site.");
    const registration = await navigator.serviceWorker.register("/build/courier-sw.js", { scope: "/courier" });
    await navigator.serviceWorker.ready;
    const { publicKey } = await api.get<{ publicKey: string }>("/api/push/public-key");
    const subscription = await registration.pushManager.subscribe({ userVisibleOnly: true, applicationServerKey: fromBase64Url(publicKey) });
    await api.post(`/api/couriers/${user!.subject}/push-subscription`, subscription.toJSON());
    say("Offers will also arrive as notifications.");
  } catch (error) {
    failed(error);
  }
  await refresh();
}

async function disablePush(): Promise<void> {
  try {
    const registration = await navigator.serviceWorker?.getRegistration("/courier");
    await (await registration?.pushManager.getSubscription())?.unsubscribe();
    await api.delete(`/api/couriers/${user!.subject}/push-subscription`);
  } catch (error) {
    failed(error);
  }
  await refresh();
}

function fromBase64Url(text: string): Uint8Array<ArrayBuffer> {
  const base64 = text.replace(/-/g, "+").replace(/_/g, "/").padEnd(Math.ceil(text.length / 4) * 4, "=");
  return Uint8Array.from(atob(base64), c => c.charCodeAt(0));
}

// ---- position --------------------------------------------------------------------------------------------

function useDevicePosition(on: boolean): void {
  if (geolocation !== null) navigator.geolocation.clearWatch(geolocation);
  geolocation = null;
  simulated = true;
  if (!on || !("geolocation" in navigator)) return;
  geolocation = navigator.geolocation.watchPosition(
    p => { simulated = false; void report({ lat: p.coords.latitude, lon: p.coords.longitude }); },
    () => { simulated = true; say("Location not available: simulating the ride."); },
    { enableHighAccuracy: true, maximumAge: 5000 });
}

function startReporting(): void {
  setInterval(() => {
    if (!simulated || !courier?.position || courier.status === "offline") return;
    const target = courier.assignments.length > 0 ? stopsOf(courier)[0]?.position : undefined;
    if (!target) return;
    void report(moveToward(courier.position, target, (SpeedKmh * ReportEveryMs) / 3_600_000));
  }, ReportEveryMs);
}

async function report(position: GeoPoint): Promise<void> {
  try {
    await api.post(`/api/couriers/${user!.subject}/position`, { ...position, at: new Date().toISOString() });
  } catch (error) {
    failed(error);
  }
}

function km(a: GeoPoint, b: GeoPoint): number {
  const rad = Math.PI / 180;
  const dLat = (b.lat - a.lat) * rad, dLon = (b.lon - a.lon) * rad;
  const s = Math.sin(dLat / 2) ** 2 + Math.cos(a.lat * rad) * Math.cos(b.lat * rad) * Math.sin(dLon / 2) ** 2;
  return 6371 * 2 * Math.asin(Math.sqrt(s));
}

function moveToward(from: GeoPoint, to: GeoPoint, stepKm: number): GeoPoint {
  const left = km(from, to);
  if (left <= stepKm) return to;
  const f = stepKm / left;
  return { lat: from.lat + (to.lat - from.lat) * f, lon: from.lon + (to.lon - from.lon) * f };
}

// ---- start -----------------------------------------------------------------------------------------------

const form = byId<HTMLFormElement>("sign-in");
const input = byId<HTMLInputElement>("courier-id");
const asked = new URLSearchParams(location.search).get("courier") ?? auth.current("courier")?.subject;
if (asked) input.value = asked;
form.addEventListener("submit", e => {
  e.preventDefault();
  void signIn(input.value.trim()).catch(failed);
});
if (asked) void signIn(asked).catch(failed);
document.body.dataset.ready = "true";
