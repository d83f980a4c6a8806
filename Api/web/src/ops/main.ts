// The control room: a live city map, live counters, 15-minute charts, alerts and the dispatch queue, fed by the
// ops hub (a snapshot on connect, then batches of every event); the KPIs as the KPI grains count them (kpis.ts). Events only change the model; drawing happens
// at most once per animation frame (the map) and twice a second (tiles, lists), so bursts never pile up.
import uPlot from "uplot";
import "uplot/dist/uPlot.min.css";
import { Events, OpsKinds, Routes } from "../generated/hub-contract";
import * as auth from "../shared/auth";
import { byId, h, replace, time } from "../shared/dom";
import { connect, started } from "../shared/hub";
import { CityMap, DarkMap, type Marker } from "../shared/map";
import { Api } from "../shared/api";
import { ExperimentsPanel } from "./experiments";
import { KpisPanel } from "./kpis";
import { LineagePanel } from "./lineage";
import { PackagingPanel } from "./packaging";
import { ReturnsPanel } from "./returns";
import type { ArmWeightsChanged, CellForecast, CellRisk, CourierChanged, CourierView, DispatchDecided, ForecastChanged, ForecastPlannerView, ForecastResponse, Location, SlowMoverView, SupplySuggestion, TransferView, OpsEvent, OpsSnapshot, OrderChanged, OrderView, RainArea, ReturnChanged, StockChanged, WaitingOrder, WeatherResponse, ZoneReport } from "../shared/types";
interface Alert { at: number; kind: "stock" | "late" | "idle" | "slow" | "return" | "experiment"; text: string; }

const PromiseMinutes = 45;
const IdleAlertMinutes = 10;

const asked = new URLSearchParams(location.search).get("operator");
const user = asked && auth.current("ops")?.subject !== asked ? await auth.signIn("ops", asked) : await auth.ensure("ops", () => auth.randomId("ops"));

const locations = new Map<string, Location>();
const couriers = new Map<string, CourierView>();
const idleSince = new Map<string, number>();
const orders = new Map<string, OrderView>();
const waiting = new Map<string, WaitingOrder>();
const stockOuts = new Map<string, number>();
/** Cells split into buckets for a rush, by sku@location: their latest totals, rate and buckets. */
const hotCells = new Map<string, StockChanged>();
/** The bandit's record per segment, the newest version kept (every partition's recommender hears each change: copies arrive). */
const armRecords = new Map<string, ArmWeightsChanged>();
/** Each dispatch zone's last window (queue, free couriers, rain, assignment latency): live from the dispatch stream, read again every 5 s. */
let zoneReports: ZoneReport[] = [];
/** Forecast cells by sku@location with their stock against their reorder point: from the planner every 30 s, live from each re-forecast. */
const risks = new Map<string, CellRisk>();
/** Packaging volume of the orders packed, against first fit. */
const packaging = new PackagingPanel();
/** The returns panel (made once the page has its API client). */
let returns: ReturnsPanel | null = null;
/** The planner's served model and last round. */
let planner: ForecastPlannerView | null = null;
/** The cell whose forecast is drawn, with its actuals, and the chart drawing it. */
let selected: { key: string; detail: ForecastResponse | null } | null = null;
let forecastChart: uPlot | null = null;
let forecastDirty = false;
const RisksShown = 15;
/** The replenishment suggestions, pending ones first: read every 30 s and after each accept. */
let suggestions: SupplySuggestion[] = [];
/** SKUs flagged as slow movers and promoted by the supply chain, newest first: read every 30 s. */
let slowMovers: SlowMoverView[] = [];
const SuggestionsShown = 10;
/** Where it rains now, read every 5 s. */
let rain: RainArea[] = [];
const alerted = new Set<string>();
const alerts: Alert[] = [];
/** The KPI panel, once the page has started: the counters read the KPI grains through it. */
let kpiPanel: KpisPanel | null = null;
const stats = { events: 0, maxHandleMs: 0, maxFrameMs: 0, maxLagMs: 0, frames: 0 };
(window as unknown as { tandemOps: typeof stats }).tandemOps = stats;

let mapDirty = true;
const map = new CityMap(byId<HTMLCanvasElement>("city"), DarkMap);

// ---- the model -------------------------------------------------------------------------------------------

function onSnapshot(snapshot: OpsSnapshot): void {
  locations.clear();
  snapshot.locations.forEach(l => locations.set(l.id, l));
  snapshot.couriers.forEach(c => setCourier(c));
  waiting.clear();
  snapshot.waiting.forEach(w => waiting.set(w.orderId, w));
  snapshot.recent.forEach(e => apply(e));
  zoneReports = snapshot.zones;
  rain = snapshot.rain;
  mapDirty = true;
}

/** The dispatch queues with each window's choice, the zones' windows and the rain, as the grains hold them now. */
async function readDispatch(api: Api): Promise<void> {
  try {
    const [queue, zones, weather] = await Promise.all([
      api.get<WaitingOrder[]>("/api/dispatch/waiting"), api.get<ZoneReport[]>("/api/dispatch/zones"), api.get<WeatherResponse>("/api/weather")]);
    waiting.clear();
    queue.forEach(w => waiting.set(w.orderId, w));
    zoneReports = zones;
    rain = weather.rain;
    mapDirty = true;
  } catch {
    // the next read tries again; the events keep the queue meanwhile
  }
}

function onBatch(batch: OpsEvent[]): void {
  const started = performance.now();
  for (const e of batch) {
    apply(e);
    stats.maxLagMs = Math.max(stats.maxLagMs, Date.now() - Date.parse(e.at));
  }
  stats.events += batch.length;
  stats.maxHandleMs = Math.max(stats.maxHandleMs, performance.now() - started);
  mapDirty = true;
}

function apply(e: OpsEvent): void {
  const at = Date.parse(e.at);
  switch (e.kind) {
    case OpsKinds.StockChanged: {
      const change = e.data as StockChanged;
      const key = `${change.cell.sku}@${change.cell.locationId}`;
      const hot = hotCells.get(key);
      if (!hot || hot.cell.version <= change.cell.version) {
        if (change.hot) hotCells.set(key, change); else hotCells.delete(key); // a whole cell is not hot
      }
      if (change.cell.available === 0 && !stockOuts.has(key)) {
        stockOuts.set(key, at);
        alert({ at, kind: "stock", text: `Stock-out: ${change.cell.sku} at ${locations.get(change.cell.locationId)?.name ?? change.cell.locationId}` });
      } else if (change.cell.available > 0) {
        stockOuts.delete(key);
      }
      break;
    }
    case OpsKinds.OrderChanged: {
      const { order, transition } = e.data as OrderChanged;
      const known = orders.get(order.orderId);
      if (known && known.version >= order.version) return;
      orders.set(order.orderId, order);
      packaging.changed(e.data as OrderChanged);
      if (order.mode === "delivery" && order.status === "packed" && !waiting.has(order.orderId)) {
        const from = locations.get(order.lines[0]?.locationId ?? "");
        if (from && order.deliveryAddress) waiting.set(order.orderId, { orderId: order.orderId, kind: "delivery", pickupLocationId: from.id, pickup: from.position, dropoff: order.deliveryAddress, since: transition.at, offeredTo: null, tried: [] });
      } else if (order.status !== "packed") {
        waiting.delete(order.orderId);
      }
      break;
    }
    case OpsKinds.DispatchDecided: {
      const decided = e.data as DispatchDecided;
      const known = zoneReports.findIndex(z => z.zone === decided.zone.zone);
      if (known < 0) zoneReports = [...zoneReports, decided.zone].sort((a, b) => a.zone.localeCompare(b.zone));
      else if (zoneReports[known]!.at <= decided.zone.at) zoneReports[known] = decided.zone;
      decided.queue.forEach(w => { if (waiting.has(w.orderId)) waiting.set(w.orderId, w); }); // the zone and choice of orders the page knows wait
      decided.offers.forEach(o => waiting.set(o.orderId, o));
      break;
    }
    case OpsKinds.ReturnChanged:
      returns?.changed(e.data as ReturnChanged);
      break;
    case OpsKinds.ForecastChanged: {
      const { forecast } = e.data as ForecastChanged;
      keepRisk(forecast);
      if (selected?.detail && selected.key === `${forecast.sku}@${forecast.locationId}` && Date.parse(selected.detail.forecast.madeAt) <= Date.parse(forecast.madeAt)) {
        selected.detail = { ...selected.detail, forecast };
        forecastDirty = true;
      }
      break;
    }
    case OpsKinds.ArmWeightsChanged: {
      keepArms(e.data as ArmWeightsChanged);
      break;
    }
    case OpsKinds.CourierChanged: {
      const change = e.data as CourierChanged;
      setCourier(change.courier);
      const w = change.orderId ? waiting.get(change.orderId) : undefined;
      if (w && change.kind === "offered") w.offeredTo = change.courier.courierId;
      break;
    }
    default:
      break;
  }
}

function keepRisk(forecast: CellForecast): void {
  const key = `${forecast.sku}@${forecast.locationId}`;
  const known = risks.get(key);
  if (!forecast.stock || (known && Date.parse(known.madeAt) > Date.parse(forecast.madeAt))) return;
  risks.set(key, {
    sku: forecast.sku, locationId: forecast.locationId, stage: forecast.stage, available: forecast.stock.available,
    reorderPoint: forecast.stock.reorderPoint, stockOutRisk: forecast.stock.stockOutRisk,
    nextWeek: forecast.days.slice(0, 7).reduce((sum, d) => sum + d.mean, 0),
    nextFourWeeks: forecast.days.slice(0, 28).reduce((sum, d) => sum + d.mean, 0), madeAt: forecast.madeAt,
  });
}

/** The planner's cells at risk and its last round, and the replenishment suggestions, as they are now. */
async function readForecasts(api: Api): Promise<void> {
  try {
    [planner, suggestions, slowMovers] = await Promise.all([
      api.get<ForecastPlannerView>("/api/forecasts"), api.get<SupplySuggestion[]>("/api/supply/suggestions"), api.get<SlowMoverView[]>("/api/supply/slow-movers")]);
    planner.atRisk.forEach(r => { const known = risks.get(`${r.sku}@${r.locationId}`); if (!known || Date.parse(known.madeAt) <= Date.parse(r.madeAt)) risks.set(`${r.sku}@${r.locationId}`, r); });
    for (const m of slowMovers) {
      const key = `slow:${m.sku}:${m.flaggedAt}`;
      if (!alerted.has(key)) {
        alerted.add(key);
        alert({ at: Date.parse(m.flaggedAt), kind: "slow", text: `${m.reason}: promoted until ${time(m.promotedUntil)}` });
      }
    }
  } catch {
    // the next read tries again; re-forecasts keep arriving meanwhile
  }
}

/** One click: the suggestion's transfer starts (the warehouse's units leave); accepting it again is harmless. */
async function accept(api: Api, id: string): Promise<void> {
  try {
    const transfer = await api.post<TransferView>(`/api/supply/suggestions/${encodeURIComponent(id)}/accept`, {});
    suggestions = suggestions.map(s => s.id === id ? { ...s, status: "accepted", transferId: transfer.transferId, acceptedBy: transfer.createdBy } : s);
  } catch (error) {
    alert({ at: Date.now(), kind: "stock", text: `Suggestion ${id} not accepted: ${error instanceof Error ? error.message : String(error)}` });
  }
  await readForecasts(api);
}

async function select(api: Api, key: string): Promise<void> {
  selected = { key, detail: null };
  const [sku, locationId] = key.split("@");
  try {
    selected.detail = await api.get<ForecastResponse>(`/api/forecasts/${encodeURIComponent(sku!)}/${encodeURIComponent(locationId!)}`);
  } catch {
    selected = null;
  }
  forecastDirty = true;
}

function setCourier(courier: CourierView): void {
  const known = couriers.get(courier.courierId);
  if (known && known.version > courier.version) return;
  couriers.set(courier.courierId, courier);
  if (courier.status === "idle") {
    if (!idleSince.has(courier.courierId)) idleSince.set(courier.courierId, Date.now());
  } else {
    idleSince.delete(courier.courierId);
    alerted.delete(`idle:${courier.courierId}`);
  }
}

function alert(entry: Alert): void {
  alerts.unshift(entry);
  if (alerts.length > 200) alerts.length = 200;
}

/** Late deliveries and idle couriers follow from the clock, not from an event. */
function watchTheClock(): void {
  const now = Date.now();
  for (const order of orders.values()) {
    const open = order.mode === "delivery" && !["delivered", "cancelled", "returned", "expired"].includes(order.status);
    if (open && now - Date.parse(order.placedAt) > PromiseMinutes * 60_000 && !alerted.has(`late:${order.orderId}`)) {
      alerted.add(`late:${order.orderId}`);
      alert({ at: now, kind: "late", text: `Late: ${order.orderId} (${order.status}) placed ${time(order.placedAt)}` });
    }
  }
  for (const [id, since] of idleSince) {
    if (now - since > IdleAlertMinutes * 60_000 && waiting.size > 0 && !alerted.has(`idle:${id}`)) {
      alerted.add(`idle:${id}`);
      alert({ at: now, kind: "idle", text: `Idle ${IdleAlertMinutes}+ min with orders waiting: ${couriers.get(id)?.name ?? id}` });
    }
  }
  for (const [id, order] of orders) {
    if (["delivered", "cancelled"].includes(order.status) && now - Date.parse(order.history.at(-1)?.at ?? order.placedAt) > 120_000) orders.delete(id);
  }
}

// ---- drawing ---------------------------------------------------------------------------------------------

const CourierColours: Record<CourierView["status"], string> = { offline: "#566573", idle: "#58d68d", toPickup: "#f5b041", toDropoff: "#5dade2" };
const OrderColours: Partial<Record<OrderView["status"], string>> = { placed: "#d7bde2", reserved: "#bb8fce", packed: "#ec7063", dispatched: "#f4d03f", pickedUp: "#f4d03f" };

function frame(): void {
  if (mapDirty) {
    const started = performance.now();
    const markers: Marker[] = [];
    for (const l of locations.values()) markers.push({ at: l.position, colour: l.kind === "warehouse" ? "#aab7b8" : "#48c9b0", radius: l.kind === "warehouse" ? 7 : 5, label: l.name.replace(/ (store|warehouse)$/, "") });
    for (const o of orders.values()) {
      const colour = OrderColours[o.status];
      if (colour && o.deliveryAddress) markers.push({ at: o.deliveryAddress, colour, radius: 3 });
    }
    for (const c of couriers.values()) if (c.position && c.status !== "offline") markers.push({ at: c.position, colour: CourierColours[c.status], radius: 4 });
    map.draw(markers, [], {
      boxes: zoneReports.filter(z => z.waiting > 0).map(z => ({ ...z, colour: "#f5b04122", label: `${z.zone} · ${z.waiting}` })),
      circles: rain.map(r => ({ at: { lat: r.lat, lon: r.lon }, radiusKm: r.radiusKm, colour: "#5dade244" })),
    });
    mapDirty = false;
    stats.maxFrameMs = Math.max(stats.maxFrameMs, performance.now() - started);
    stats.frames++;
  }
  requestAnimationFrame(frame);
}

function renderPanels(): void {
  const now = Date.now();
  const set = (id: string, value: string) => { const e = byId(id); if (e.textContent !== value) e.textContent = value; };
  // the orders' lines reserved in the last whole minute, as the KPI grains counted them (a split cell's lines too)
  const reserved = kpiPanel?.perMinute("reservations")?.series;
  set("kpi-reservations", reserved && reserved.length > 1 ? ((reserved.at(-2) ?? 0) / 60).toFixed(1) : "–");
  set("clock", new Date(now).toLocaleTimeString("en-GB"));

  replace(byId("alerts"), ...alerts.slice(0, 50).map(a => h("li", { class: `alert-${a.kind}` }, `${time(new Date(a.at).toISOString())} ${a.text}`)));
  const reports = new Map(zoneReports.map(z => [z.zone, z]));
  const assign = zoneReports.filter(z => z.meanAssignSeconds != null);
  set("kpi-assign", assign.length ? (assign.reduce((sum, z) => sum + z.meanAssignSeconds!, 0) / assign.length).toFixed(0) : "–");
  const zones = new Map<string, WaitingOrder[]>();
  for (const w of waiting.values()) zones.set(w.zone ?? w.pickupLocationId, [...(zones.get(w.zone ?? w.pickupLocationId) ?? []), w]);
  replace(byId("queue"), zones.size === 0 ? h("p", { class: "muted", id: "queue-empty" }, "No order is waiting for a courier.") : null,
    ...[...zones].sort((a, b) => b[1].length - a[1].length).map(([zone, list]) => {
      const report = reports.get(zone);
      return h("div", { class: "queue-zone", "data-zone": zone },
        h("h3", {}, `${report ? `Zone ${zone}` : locations.get(zone)?.name ?? zone} · ${list.length} waiting`,
          report ? ` · window ${report.windowSeconds.toFixed(1)} s · ${report.freeCouriers} free${report.raining ? " · raining" : ""}` : ""),
        h("ul", {}, ...list.sort((a, b) => a.since.localeCompare(b.since)).map(w => h("li", { "data-order": w.orderId, "data-store": w.pickupLocationId, "data-kind": w.kind ?? "delivery" },
          w.kind === "returnPickup" ? `return ${w.orderId} from the shopper's door since ${time(w.since)}` : `${w.orderId} from ${locations.get(w.pickupLocationId)?.name ?? w.pickupLocationId} since ${time(w.since)}`,
          w.offeredTo ? ` · offered to ${couriers.get(w.offeredTo)?.name ?? w.offeredTo}` : "",
          w.choice ? h("span", { class: "muted choice" }, ` · cost ${w.choice.cost.toFixed(0)} s (to pickup ${w.choice.toPickupSeconds.toFixed(0)}, ride ${w.choice.toDropoffSeconds.toFixed(0)}, late ${w.choice.lateSeconds.toFixed(0)}${w.choice.batchedWith.length ? `, batch of ${w.choice.batchedWith.length + 1} +${w.choice.delayToCarriedSeconds.toFixed(0)}` : ""}) of ${w.choice.candidates} couriers`) : ""))));
    }));
  replace(byId("zones"), zoneReports.length === 0 ? h("p", { class: "muted" }, "No zone has dispatched yet.") : null,
    zoneReports.length === 0 ? null : h("table", { class: "zones" },
      h("caption", { class: "visually-hidden" }, "Dispatch zones"),
      h("thead", {}, h("tr", {}, ...["zone", "waiting", "offered", "free", "window s", "rain", "assign mean s", "assign p95 s"].map(c => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...zoneReports.map(z => h("tr", { "data-zone": z.zone },
        h("td", {}, z.zone), h("td", {}, String(z.waiting)), h("td", {}, String(z.offered)), h("td", {}, String(z.freeCouriers)),
        h("td", {}, z.windowSeconds.toFixed(1)), h("td", {}, z.raining ? "yes" : "–"),
        h("td", {}, z.meanAssignSeconds?.toFixed(0) ?? "–"), h("td", {}, z.p95AssignSeconds?.toFixed(0) ?? "–"))))));
  renderHotCells();
  renderArms();
  renderSupply();
}

/** The cells most likely to run out before a delivery could arrive, and the chosen cell's forecast against its sales. */
function renderSupply(): void {
  const rows = [...risks.values()].sort((a, b) => b.stockOutRisk - a.stockOutRisk || (a.available - a.reorderPoint) - (b.available - b.reorderPoint) || a.sku.localeCompare(b.sku)).slice(0, RisksShown);
  const last = planner?.rounds.at(-1);
  const set = (id: string, value: string) => { const e = byId(id); if (e.textContent !== value) e.textContent = value; };
  set("supply-model", planner?.modelVersion ? `Model: ${planner.modelVersion}${last ? ` · last round ${time(last.at)}, ${last.cells} cells in ${last.seconds.toFixed(1)} s` : ""} · ${planner.knownCells} cells with demand, ${planner.waiting} waiting` : "No forecast yet: cells are forecast once they have sales.");
  replace(byId("supply-risks"), rows.length === 0 ? null : h("table", { class: "zones supply" },
    h("caption", { class: "visually-hidden" }, "Cells most likely to run out"),
    h("thead", {}, h("tr", {}, ...["cell", "stage", "available", "reorder point", "stock-out risk", "next 7 days"].map(c => h("th", { scope: "col" }, c)))),
    h("tbody", {}, ...rows.map(r => {
      const key = `${r.sku}@${r.locationId}`;
      return h("tr", { "data-cell": key, class: selected?.key === key ? "selected" : "" },
        h("td", {}, h("button", { type: "button", class: "link", "data-select": key }, `${r.sku} · ${locations.get(r.locationId)?.name ?? r.locationId}`)),
        h("td", {}, r.stage), h("td", {}, String(r.available)), h("td", {}, r.reorderPoint.toFixed(0)),
        h("td", { class: r.stockOutRisk >= 0.5 ? "risk-high" : "" }, `${Math.round(100 * r.stockOutRisk)} %`), h("td", {}, r.nextWeek.toFixed(1)));
    }))));
  const place = (id: string | null | undefined) => id ? locations.get(id)?.name ?? id : "the supplier";
  const pending = suggestions.filter(s => s.status === "pending").slice(0, SuggestionsShown);
  const accepted = suggestions.filter(s => s.status !== "pending").slice(0, 5);
  replace(byId("supply-suggestions"), pending.length + accepted.length === 0 ? h("p", { class: "muted" }, "No replenishment suggested.") : null,
    ...pending.map(s => h("li", { "data-suggestion": s.id },
      h("button", { type: "button", "data-accept": s.id }, "Accept"),
      ` Move ${s.quantity} of ${s.sku} from ${place(s.fromLocationId)} to ${place(s.toLocationId)}`, h("span", { class: "muted" }, ` · ${s.reason} `),
      h("button", { type: "button", class: "link", "data-lineage": `suggestion:${s.id}` }, "why?"))),
    ...accepted.map(s => h("li", { "data-suggestion": s.id, class: "accepted" },
      `${s.status === "received" ? "Received" : "On its way"}, accepted by ${s.acceptedBy ?? "?"}: ${s.quantity} of ${s.sku} from ${place(s.fromLocationId)} to ${place(s.toLocationId)} · transfer ${s.transferId ?? ""}`)));
  replace(byId("slow-movers"), slowMovers.length === 0 ? h("p", { class: "muted" }, "No slow mover flagged.") : null,
    ...slowMovers.slice(0, 10).map(m => h("li", { "data-slow": m.sku },
      `${m.sku}: ${m.available} in stock, ${m.coverWeeks >= 99 ? "no end" : `${m.coverWeeks.toFixed(1)} weeks`} of cover, ${Math.round(100 * m.sellThrough)} % sold in four weeks · promoted until ${time(m.promotedUntil)}`,
      h("span", { class: "muted" }, ` · ${m.soldPerDayBefore.toFixed(2)} a day before, ${m.soldPerDaySince == null ? "no whole day since yet" : `${m.soldPerDaySince.toFixed(2)} a day since`} `),
      h("button", { type: "button", class: "link", "data-lineage": `promotion:${m.sku}` }, "why?"))));
  if (forecastDirty) {
    forecastDirty = false;
    drawForecast();
  }
}

/** Lead times as "2–7 (median 4)" once there are many, else each one. */
function leadTimes(days: readonly number[]): string {
  if (days.length <= 8) return days.join(", ");
  const sorted = [...days].sort((a, b) => a - b);
  return `${sorted[0]}–${sorted[sorted.length - 1]} (median ${sorted[Math.floor(sorted.length / 2)]})`;
}

function drawForecast(): void {
  const detail = selected?.detail;
  if (!detail) {
    replace(byId("supply-detail"), h("p", { class: "muted" }, "Choose a cell to see its forecast against its sales."));
    forecastChart?.destroy();
    forecastChart = null;
    return;
  }
  const f = detail.forecast;
  const day = (d: string) => Date.parse(`${d}T12:00:00Z`) / 1000;
  const actual = new Map(detail.actuals.map(a => [day(a.day), a.units]));
  const xs = [...new Set([...detail.actuals.map(a => day(a.day)), ...f.days.map(d => day(d.day))])].sort((a, b) => a - b);
  const ahead = new Map(f.days.map(d => [day(d.day), d]));
  const data: uPlot.AlignedData = [
    xs,
    xs.map(x => actual.get(x) ?? (x < day(f.days[0]!.day) ? 0 : null)),
    xs.map(x => ahead.get(x)?.mean ?? null),
    xs.map(x => ahead.get(x)?.p10 ?? null),
    xs.map(x => ahead.get(x)?.p90 ?? null),
  ];
  const stock = f.stock;
  replace(byId("supply-detail"),
    h("h3", { "data-forecast": `${f.sku}@${f.locationId}` }, `${f.sku} at ${locations.get(f.locationId)?.name ?? f.locationId} `,
      h("button", { type: "button", class: "link", "data-lineage": `forecast:${f.sku}@${f.locationId}` }, "why?")),
    h("p", { class: "muted" }, `${f.stage} · ${f.fallback} with model weight ${f.modelWeight.toFixed(2)} · made ${time(f.madeAt)} from sales to ${f.origin} · ${f.modelVersion}`),
    stock ? h("p", { class: "supply-stock" }, `Safety stock ${stock.safetyStock.toFixed(1)} · reorder point ${stock.reorderPoint.toFixed(0)} for ${Math.round(100 * stock.serviceLevel)} %${stock.experiment ? ` (experiment ${stock.experiment})` : ""} over lead times of ${leadTimes(stock.leadTimes)} days (${stock.leadTimesFrom || "configured"}) · ${stock.available} available · stock-out risk ${Math.round(100 * stock.stockOutRisk)} % (${stock.paths.toLocaleString("en-GB")} paths)`) : null,
    f.signals.length ? h("p", { class: "muted" }, `Signals (last week → effect on the 28 days): ${f.signals.map(s => `${s.signal} ${s.reading} → ${s.units >= 0 ? "+" : ""}${s.units.toFixed(1)}`).join(" · ")}`) : null,
    h("div", { id: "supply-chart", class: "chart", role: "img", "aria-label": "Sales and forecast with its 10–90 % band" }));
  forecastChart?.destroy();
  const element = byId("supply-chart");
  forecastChart = new uPlot({
    width: Math.max(300, element.clientWidth), height: 200, title: "units per day",
    axes: [{ stroke: "#9fb1c1", grid: { stroke: "#2a3845" } }, { stroke: "#9fb1c1", grid: { stroke: "#2a3845" } }],
    series: [{}, { label: "sold", stroke: "#48c9b0", width: 2 }, { label: "forecast", stroke: "#f5b041", width: 2 },
      { label: "p10", stroke: "#f5b04188", dash: [4, 4] }, { label: "p90", stroke: "#f5b04188", dash: [4, 4] }],
  }, data, element);
}

function keepArms(record: ArmWeightsChanged): void {
  const known = armRecords.get(record.segment);
  if (!known || known.version <= record.version) armRecords.set(record.segment, record);
}

/** Each strategy's clicks, ignored impressions, click rate and the weight the bandit draws it by, per segment. */
function renderArms(): void {
  const segments = [...armRecords.values()].sort((a, b) => a.segment.localeCompare(b.segment));
  replace(byId("arms"), segments.length === 0 ? h("p", { class: "muted" }, "No record yet.") : null,
    ...segments.map(s => h("table", { class: "arms", "data-segment": s.segment },
      h("caption", {}, `Segment: ${s.segment}`),
      h("thead", {}, h("tr", {}, ...["strategy", "clicks", "ignored", "CTR", "weight"].map(c => h("th", { scope: "col" }, c)))),
      h("tbody", {}, ...s.arms.map(a => h("tr", { "data-arm": a.arm },
        h("td", {}, a.arm),
        h("td", {}, a.clicks.toFixed(1)),
        h("td", {}, a.misses.toFixed(1)),
        h("td", {}, a.clicks + a.misses > 0 ? `${((100 * a.clicks) / (a.clicks + a.misses)).toFixed(1)} %` : "–"),
        h("td", {}, h("span", { class: "arm-weight", style: `width:${Math.round(a.mean * 100)}%` }), ` ${a.mean.toFixed(3)}`)))))));
}

function renderHotCells(): void {
  const cells = [...hotCells.values()].sort((a, b) => (b.hot?.reservationsPerSecond ?? 0) - (a.hot?.reservationsPerSecond ?? 0));
  replace(byId("hot-cells"), cells.length === 0 ? h("p", { class: "muted", id: "hot-empty" }, "No cell is split for a rush.") : null,
    ...cells.map(c => h("div", { class: "hot-cell", "data-cell": `${c.cell.sku}@${c.cell.locationId}` },
      h("h3", {}, `${c.cell.sku} at ${locations.get(c.cell.locationId)?.name ?? c.cell.locationId}`),
      h("p", {}, h("strong", { class: "hot-rate" }, `${c.hot!.reservationsPerSecond.toLocaleString("en-GB")} reservations/s`),
        ` · ${c.cell.available.toLocaleString("en-GB")} of ${c.cell.onHand.toLocaleString("en-GB")} left · pool ${c.hot!.pool.toLocaleString("en-GB")}`),
      h("table", { class: "hot-buckets" },
        h("caption", { class: "visually-hidden" }, `Buckets of ${c.cell.sku}`),
        h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "bucket"), h("th", { scope: "col" }, "free"), h("th", { scope: "col" }, "held"))),
        h("tbody", {}, ...c.hot!.buckets.map(b => h("tr", { "data-bucket": b.index },
          h("td", {}, String(b.index)), h("td", {}, b.available.toLocaleString("en-GB")), h("td", {}, b.reserved.toLocaleString("en-GB")))))))));
}

// ---- charts ----------------------------------------------------------------------------------------------

/** A count per minute of the city as the KPI grains counted it, one point per minute ending at the read. */
function perMinute(counted: { at: string; series: (number | null)[] } | null): [number[], number[]] {
  if (!counted) return [[], []];
  const last = Math.floor(Date.parse(counted.at) / 60_000) * 60;
  return [counted.series.map((_, i) => last - (counted.series.length - 1 - i) * 60), counted.series.map(v => v ?? 0)];
}

function chart(id: string, label: string, colour: string): uPlot {
  const element = byId(id);
  return new uPlot({
    width: Math.max(300, element.clientWidth), height: 180, title: label,
    axes: [{ stroke: "#9fb1c1", grid: { stroke: "#2a3845" } }, { stroke: "#9fb1c1", grid: { stroke: "#2a3845" } }],
    series: [{}, { label, stroke: colour, width: 2, fill: colour + "33" }],
  }, [[], []], element);
}

// ---- start -----------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  replace(byId("who"), h("span", {}, "Operator ", h("strong", {}, user.subject), " · ", h("a", { href: "/dashboard/" }, "Orleans dashboard")));
  const hub = connect(Routes.Ops, () => user.token, () => undefined);
  hub.on(Events.Snapshot, (snapshot: OpsSnapshot) => onSnapshot(snapshot));
  hub.on(Events.Event, (batch: OpsEvent[]) => onBatch(batch));
  await started(hub);
  const api = new Api(() => user.token);
  returns = new ReturnsPanel(api, (text, at) => alert({ at, kind: "return", text }));
  const experiments = new ExperimentsPanel(api, (text, at) => alert({ at, kind: "experiment", text }));
  await experiments.tick();
  new LineagePanel(api);
  const kpis = kpiPanel = new KpisPanel(api);
  await kpis.tick();
  setInterval(() => void kpis.tick(), 5000);
  setInterval(() => void experiments.tick(), 5000);
  (await api.get<ArmWeightsChanged[]>("/api/recommendations/arms")).forEach(keepArms);
  setInterval(() => void readDispatch(api), 5000);
  await readForecasts(api);
  setInterval(() => void readForecasts(api), 30_000);
  byId("supply-suggestions").addEventListener("click", e => {
    const button = (e.target as HTMLElement).closest<HTMLButtonElement>("[data-accept]");
    if (button?.dataset.accept) {
      button.disabled = true;
      void accept(api, button.dataset.accept);
    }
  });
  byId("supply-risks").addEventListener("click", e => {
    const key = (e.target as HTMLElement).closest<HTMLElement>("[data-select]")?.dataset.select;
    if (key) void select(api, key);
  });
  const ordersChart = chart("chart-orders", "orders / min", "#bb8fce");
  const reservationsChart = chart("chart-reservations", "reservations / s", "#48c9b0");
  setInterval(() => { watchTheClock(); renderPanels(); packaging.render(kpis.current); void returns?.tick(); }, 500);
  setInterval(() => {
    ordersChart.setData(perMinute(kpis.perMinute("orders")));
    const [minutes, reserved] = perMinute(kpis.perMinute("reservations"));
    reservationsChart.setData([minutes, reserved.map(v => v / 60)]);
  }, 2000);
  requestAnimationFrame(frame);
  renderPanels();
  document.body.dataset.ready = "true";
}

void start();
