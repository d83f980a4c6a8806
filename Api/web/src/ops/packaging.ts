// The control room's packaging panel: over the window and region the live KPIs show, the orders packed and the volume of
// the boxes the packing service chose against the boxes first fit decreasing would have taken for the same units (as the
// KPI grains count them); and the latest orders packed, from the hub's events.
import { byId, h, replace } from "../shared/dom";
import type { KpiReport, OrderChanged, OrderPacking } from "../shared/types";

const Shown = 8;

export class PackagingPanel {
  private readonly packed = new Map<string, { at: number; packing: OrderPacking }>();
  private dirty = true;
  private report: KpiReport | null = null;

  changed(change: OrderChanged): void {
    const packing = change.order.packing;
    if (!packing || this.packed.has(change.order.orderId)) return;
    this.packed.set(change.order.orderId, { at: Date.parse(packing.decidedAt), packing });
    this.dirty = true;
  }

  /** Draws the totals of <paramref name="report"/> (when it is a newer read) and the latest orders (when one was packed). */
  render(report: KpiReport | null): void {
    if (report !== this.report) {
      this.report = report;
      this.dirty = true;
    }
    if (!this.dirty) return;
    this.dirty = false;
    const indicator = (name: string) => report?.indicators.find(i => i.name === name);
    const [fill, saving] = [indicator("packingFill"), indicator("packingSaving")];
    const packed = report?.counts["packedBoxes"] ?? 0;
    const boxes = fill?.denominator ?? 0;
    const baseline = saving?.denominator ?? 0;
    const where = report ? `${report.region === "all" ? "city" : report.region}, ${report.window}` : "…";
    const latest = [...this.packed.entries()].sort((a, b) => b[1].at - a[1].at).slice(0, Shown);
    replace(byId("packaging"),
      h("table", { class: "zones" },
        h("caption", { class: "visually-hidden" }, "Packaging volume against first fit"),
        h("tbody", {},
          h("tr", {}, h("th", { scope: "row" }, `orders packed (${where})`), h("td", { "data-kpi": "packed" }, String(packed))),
          h("tr", {}, h("th", { scope: "row" }, "box volume · first fit"), h("td", { "data-kpi": "litres" }, `${boxes.toFixed(1)} l · ${baseline.toFixed(1)} l`)),
          h("tr", {}, h("th", { scope: "row" }, "less than first fit"), h("td", { "data-kpi": "saving" }, saving?.value != null ? `${(saving.value * 100).toFixed(1)} %` : "–")),
          h("tr", {}, h("th", { scope: "row" }, "fill of the boxes"), h("td", { "data-kpi": "fill" }, fill?.value != null ? `${(fill.value * 100).toFixed(0)} %` : "–")))),
      this.packed.size === 0 ? h("p", { class: "muted", id: "packaging-empty" }, "No order packed since this page opened.") : null,
      latest.length === 0 ? null : h("ul", { class: "feed", id: "packaging-latest" }, ...latest.map(([orderId, { packing: p }]) => h("li", { "data-order": orderId },
        h("a", { href: `/packing?order=${encodeURIComponent(orderId)}` }, orderId),
        ` · ${p.parcels.map(b => b.boxId).join(" + ") || "unboxed"} ${p.boxLitres.toFixed(1)} l · first fit ${p.baselineBoxes.join(" + ") || "–"} ${p.baselineLitres.toFixed(1)} l`))));
  }
}
