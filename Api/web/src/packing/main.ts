// The store's packing screen: staff see the orders waiting to be packed at their store (live from the ops hub), open
// one (or type its number), and see the box the packing service chose and where each unit goes, as a 3D picture and
// layer by layer in packing order; "Packed" takes the stock and stores that plan with the order.
import { Events, OpsKinds, Routes } from "../generated/hub-contract";
import { Api } from "../shared/api";
import * as auth from "../shared/auth";
import { byId, h, replace, time } from "../shared/dom";
import { connect, started } from "../shared/hub";
import { colourOf, isometric, layers } from "../shared/packing-view";
import { statusLine } from "../shared/status";
import type { OpsEvent, OpsSnapshot, OrderChanged, OrderView, PackingPreview } from "../shared/types";

const params = new URLSearchParams(location.search);
const { store, user } = await auth.storeStaff(params);
const api = new Api(() => user.token);
const { say, failed } = statusLine(byId("status"));
/** Orders reserved at this store, waiting to be packed, by id (newest version kept). */
const waiting = new Map<string, OrderView>();
let shown: string | null = null;

const locationOf = (order: OrderView) => order.lines[0]?.locationId ?? order.pickupLocationId;

function keep(order: OrderView): void {
  const known = waiting.get(order.orderId);
  if (known && known.version >= order.version) return;
  if (order.status === "reserved" && locationOf(order) === store) waiting.set(order.orderId, order);
  else waiting.delete(order.orderId);
}

function renderWaiting(): void {
  const orders = [...waiting.values()].sort((a, b) => Date.parse(a.placedAt) - Date.parse(b.placedAt));
  replace(byId("waiting"), orders.length === 0 ? h("li", { class: "muted" }, "No order waits to be packed here since this screen opened.") : null,
    ...orders.map(o => h("li", { "data-order": o.orderId },
      h("button", { type: "button", class: "link", onclick: () => void show(o.orderId) }, o.orderId),
      ` · ${o.lines.reduce((n, l) => n + l.quantity, 0)} units · ${o.mode} · placed ${time(o.placedAt)}`)));
}

async function show(orderId: string): Promise<void> {
  try {
    const preview = await api.get<PackingPreview>(`/api/orders/${encodeURIComponent(orderId)}/packing`);
    shown = preview.orderId;
    const p = preview.packing;
    const saving = p.baselineLitres > 0 ? 1 - p.boxLitres / p.baselineLitres : 0;
    replace(byId("order"),
      h("h1", {}, "Order ", h("code", {}, preview.orderId)),
      h("p", { id: "packing-summary" },
        `${preview.status} · ${p.parcels.length} box${p.parcels.length === 1 ? "" : "es"} (${p.parcels.map(b => b.boxId).join(", ")}) · ${p.boxLitres.toFixed(1)} l of box for ${p.itemLitres.toFixed(1)} l of goods (${(p.fill * 100).toFixed(0)} % full)`,
        ` · first fit would take ${p.baselineBoxes.join(", ") || "no box"} (${p.baselineLitres.toFixed(1)} l${saving > 0 ? `, ${(saving * 100).toFixed(0)} % more` : ""})`,
        preview.stored ? ` · stored when packed, ${time(p.decidedAt)}` : " · preview: nothing is stored until packed"),
      p.unboxed.length === 0 ? null : h("ul", { id: "unboxed", class: "feed" }, ...p.unboxed.map(u => h("li", {}, `${u.quantity} × ${u.sku} ships unboxed: ${u.reason}`))),
      preview.status === "reserved" ? h("button", { type: "button", class: "primary", id: "pack", onclick: () => void pack(preview.orderId) }, "Packed") : null,
      ...p.parcels.map((parcel, n) => h("section", { class: "parcel", "data-box": parcel.boxId },
        h("h2", {}, `Box ${n + 1}: ${parcel.boxId} · ${parcel.lengthCm} × ${parcel.widthCm} × ${parcel.heightCm} cm · ${(parcel.fill * 100).toFixed(0)} % full · ${parcel.weightKg.toFixed(1)} kg`),
        h("div", { class: "parcel-views" }, isometric(parcel), layers(parcel)),
        h("ol", { class: "packing-steps" }, ...parcel.items.map(i => h("li", { "data-step": i.step },
          h("span", { class: "swatch", style: `background:${colourOf(i.sku)}` }), ` ${i.sku}: ${i.lengthCm} × ${i.widthCm} × ${i.heightCm} cm at ${i.x}, ${i.y}, height ${i.z}`))))),
      h("p", { class: "muted" }, `${p.algorithm}; every unit rests on at least ${(p.minSupport * 100).toFixed(0)} % of its base; ${p.milliseconds > 0 ? `${p.milliseconds} ms` : "from the cache of item sets"}.`));
  } catch (error) {
    failed(error);
  }
}

async function pack(orderId: string): Promise<void> {
  try {
    await api.post(`/api/orders/${encodeURIComponent(orderId)}/pack`, {});
    say("Packed: the boxes are stored with the order.");
  } catch (error) {
    failed(error);
  }
  if (shown === orderId) await show(orderId);
}

async function start(): Promise<void> {
  replace(byId("who"), h("span", {}, "Staff ", h("strong", {}, user.subject), " at ", h("strong", { id: "store" }, store)));
  byId("lookup").addEventListener("submit", e => {
    e.preventDefault();
    void show(byId<HTMLInputElement>("order-id").value.trim());
  });
  const hub = connect(Routes.Ops, () => user.token, () => undefined);
  const apply = (e: OpsEvent) => {
    if (e.kind === OpsKinds.OrderChanged) keep((e.data as OrderChanged).order);
  };
  hub.on(Events.Snapshot, (snapshot: OpsSnapshot) => { snapshot.recent.forEach(apply); renderWaiting(); });
  hub.on(Events.Event, (batch: OpsEvent[]) => { batch.forEach(apply); renderWaiting(); });
  await started(hub);
  renderWaiting();
  const first = params.get("order");
  if (first) await show(first);
  document.body.dataset.ready = "true";
}

void start();
