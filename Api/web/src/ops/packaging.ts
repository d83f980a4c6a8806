// The control room's packaging panel: for every order packed since the page opened (and those in the hub's recent
// events), the volume of the boxes the packing service chose against the boxes first fit decreasing would have taken
// for the same units, in total and for the latest orders.
import { byId, h, replace } from "../shared/dom";
import type { OrderChanged, OrderPacking } from "../shared/types";

const Shown = 8;

export class PackagingPanel {
  private readonly packed = new Map<string, { at: number; packing: OrderPacking }>();
  private dirty = true;

  changed(change: OrderChanged): void {
    const packing = change.order.packing;
    if (!packing || this.packed.has(change.order.orderId)) return;
    this.packed.set(change.order.orderId, { at: Date.parse(packing.decidedAt), packing });
    this.dirty = true;
  }

  render(): void {
    if (!this.dirty) return;
    this.dirty = false;
    const all = [...this.packed.values()];
    const boxes = all.reduce((s, p) => s + p.packing.boxLitres, 0);
    const baseline = all.reduce((s, p) => s + p.packing.baselineLitres, 0);
    const goods = all.reduce((s, p) => s + p.packing.itemLitres, 0);
    const latest = [...this.packed.entries()].sort((a, b) => b[1].at - a[1].at).slice(0, Shown);
    replace(byId("packaging"),
      h("table", { class: "zones" },
        h("caption", { class: "visually-hidden" }, "Packaging volume against first fit"),
        h("tbody", {},
          h("tr", {}, h("th", { scope: "row" }, "orders packed"), h("td", { "data-kpi": "packed" }, String(all.length))),
          h("tr", {}, h("th", { scope: "row" }, "box volume · first fit"), h("td", { "data-kpi": "litres" }, `${boxes.toFixed(1)} l · ${baseline.toFixed(1)} l`)),
          h("tr", {}, h("th", { scope: "row" }, "less than first fit"), h("td", { "data-kpi": "saving" }, baseline > 0 ? `${((1 - boxes / baseline) * 100).toFixed(1)} %` : "–")),
          h("tr", {}, h("th", { scope: "row" }, "fill of the boxes"), h("td", { "data-kpi": "fill" }, boxes > 0 ? `${((goods / boxes) * 100).toFixed(0)} %` : "–")))),
      all.length === 0 ? h("p", { class: "muted", id: "packaging-empty" }, "No order packed since this page opened.") : null,
      latest.length === 0 ? null : h("ul", { class: "feed", id: "packaging-latest" }, ...latest.map(([orderId, { packing: p }]) => h("li", { "data-order": orderId },
        h("a", { href: `/packing?order=${encodeURIComponent(orderId)}` }, orderId),
        ` · ${p.parcels.map(b => b.boxId).join(" + ") || "unboxed"} ${p.boxLitres.toFixed(1)} l · first fit ${p.baselineBoxes.join(" + ") || "–"} ${p.baselineLitres.toFixed(1)} l`))));
  }
}
