// The control room's returns panel: the returns KPIs from the returns board (read again when a return changes, at most
// twice a second), the returns that need someone (in review: approve or reject; resale at risk or breached), and resale
// alerts into the alert feed.
import type { Api } from "../shared/api";
import { byId, h, replace, time } from "../shared/dom";
import type { ReturnChanged, ReturnsBoardView } from "../shared/types";

const percent = (share: number | null | undefined) => (share == null ? "–" : `${(share * 100).toFixed(0)} %`);
const number = (value: number | null | undefined, digits = 0) => (value == null ? "–" : value.toFixed(digits));

export class ReturnsPanel {
  private board: ReturnsBoardView | null = null;
  private stale = true;
  private reading = false;

  constructor(private readonly api: Api, private readonly alert: (text: string, at: number) => void) {
    byId("returns-attention").addEventListener("click", e => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("[data-review]");
      if (button?.dataset.review && button.dataset.approve) {
        button.disabled = true;
        void this.review(button.dataset.review, button.dataset.approve === "true");
      }
    });
  }

  /** A return changed: the board is read again at the next tick; a resale alert goes to the alert feed. */
  changed(change: ReturnChanged): void {
    this.stale = true;
    if (change.alert) {
      const r = change.return;
      this.alert(`Return ${r.returnId} (${r.quantity} × ${r.sku}) ${change.alert === "breached" ? "missed" : "is at risk of missing"} its resale promise (${r.resaleDueBy ? time(r.resaleDueBy) : "–"})`, Date.parse(change.at));
    }
  }

  /** Reads the board when a return changed since the last read. */
  async tick(): Promise<void> {
    if (!this.stale || this.reading) return;
    this.stale = false;
    this.reading = true;
    try {
      this.board = await this.api.get<ReturnsBoardView>("/api/returns/board");
      this.render();
    } catch {
      this.stale = true; // read again at the next tick
    } finally {
      this.reading = false;
    }
  }

  private async review(returnId: string, approve: boolean): Promise<void> {
    try {
      await this.api.post(`/api/returns/${encodeURIComponent(returnId)}/review`, { approve });
    } catch (error) {
      this.alert(`Return ${returnId} not reviewed: ${error instanceof Error ? error.message : String(error)}`, Date.now());
    }
    this.stale = true;
  }

  private render(): void {
    const b = this.board;
    if (!b) return;
    const rows: [string, string][] = [
      [`return rate (${b.rateDays} days)`, `${b.returnRate == null ? "–" : `${(b.returnRate * 100).toFixed(1)} %`} · ${b.returnedUnits} of ${b.soldUnits} units sold`],
      ["returns (latest 1,000)", String(b.returns)],
      ["refused by the pre-check", `${percent(b.rejectionRate)}${Object.keys(b.rejectedBy).length ? ` (${Object.entries(b.rejectedBy).map(([rule, n]) => `${rule} ${n}`).join(", ")})` : ""}`],
      ["in review", String(b.inReview)],
      ["time to resale p50 / p95 (h)", `${number(b.resaleHoursP50, 1)} / ${number(b.resaleHoursP95, 1)}`],
      ["back on sale within 72 h", `${percent(b.resoldInTime)} of ${b.resold}`],
      ["coupon take-up", `${percent(b.couponTakeUp)} of ${b.couponOffered} offered`],
      ["bought again within 30 days", `after a coupon ${percent(b.repurchaseAfterCoupon)} of ${b.couponCohort} · after a refund ${percent(b.repurchaseAfterRefund)} of ${b.refundCohort}`],
      ["store counter p50 / p95 (s)", `${number(b.counterSecondsP50)} / ${number(b.counterSecondsP95)} · within 15 min ${percent(b.counterWithin15Minutes)}`],
    ];
    replace(byId("returns-kpis"), h("table", { class: "zones" },
      h("caption", { class: "visually-hidden" }, "Returns KPIs"),
      h("tbody", {}, ...rows.map(([name, value]) => h("tr", {}, h("th", { scope: "row" }, name), h("td", { "data-kpi": name }, value))))));
    replace(byId("returns-attention"), b.attention.length === 0 ? h("li", { class: "muted" }, "Nothing waits for anyone.") : null,
      ...b.attention.map(r => h("li", { "data-return": r.returnId, "data-status": r.status },
        `${r.quantity} × ${r.sku} · ${r.status === "inReview" ? "in review" : r.resale === "breached" ? "resale promise missed" : "resale at risk"}`,
        r.note ? h("span", { class: "muted" }, ` · ${r.note}`) : null,
        r.status === "inReview" ? h("span", {},
          " ", h("button", { type: "button", class: "link", "data-review": r.returnId, "data-approve": "true" }, `Approve ${r.returnId}`),
          " ", h("button", { type: "button", class: "link", "data-review": r.returnId, "data-approve": "false" }, `Reject ${r.returnId}`)) : null)));
  }
}
