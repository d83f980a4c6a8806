// The order page's returns: the order's returns with their status, compensation and resale, and a return form per line
// once the shopper has the goods. A refusal by the pre-check says which rule refused and why.
import { ApiError, type Api } from "../shared/api";
import { h, money, time } from "../shared/dom";
import { ReturnReasons as Reasons, returnFields } from "../shared/returns";
import type { OrderView, ReturnView } from "../shared/types";

const StatusNames: Record<ReturnView["status"], string> = {
  requested: "Requested", approved: "Approved", rejected: "Refused", inReview: "Being reviewed", pickupScheduled: "Courier booked",
  collected: "Collected", atSorting: "At the sorting centre", graded: "Checked and settled", restocked: "Settled", disposed: "Settled",
};

/** The returns section of an order; <paramref name="changed"/> re-renders the page after a change. */
export async function returnsPanel(api: Api, order: OrderView, changed: () => Promise<void>, failed: (error: unknown) => void): Promise<HTMLElement> {
  const returns = await Promise.all(order.returns.map(r => api.get<ReturnView>(`/api/returns/${encodeURIComponent(r.returnId)}`)));
  const section = h("section", { id: "returns", "aria-label": "Returns" }, h("h2", {}, "Returns"));
  if (returns.length > 0) section.append(h("ul", { id: "return-list" }, ...returns.map(r => returnItem(api, r, changed, failed))));
  if (!order.receivedAt) {
    section.append(h("p", { class: "muted" }, "Once you have the goods you can return them here."));
    return section;
  }

  for (const line of order.lines) {
    const held = order.returns.filter(r => r.sku === line.sku).reduce((sum, r) => sum + r.quantity, 0);
    if (held < line.quantity) section.append(returnForm(api, order, line.sku, line.quantity - held, changed, failed));
  }

  return section;
}

function returnItem(api: Api, r: ReturnView, changed: () => Promise<void>, failed: (error: unknown) => void): HTMLElement {
  const choose = async (kind: "refund" | "coupon") => {
    try {
      await api.post(`/api/returns/${encodeURIComponent(r.returnId)}/compensation`, { kind });
      await changed();
    } catch (error) {
      failed(error);
    }
  };
  const offer = r.compensation;
  const settled = r.settlement;
  return h("li", { "data-return": r.returnId, "data-status": r.status },
    h("strong", {}, `${r.quantity} × ${r.sku}`), ` · ${Reasons[r.reason]} · `, h("span", { class: "return-status" }, StatusNames[r.status]),
    r.status === "rejected" || r.status === "inReview" ? h("span", { class: "muted" }, ` (${r.check.reason})`) : null,
    settled
      ? h("span", { class: "return-settlement" }, settled.kind === "coupon"
        ? ` · coupon ${settled.couponCode ?? ""} worth ${money.format(settled.amount)}`
        : ` · refund of ${money.format(settled.amount)}`)
      : offer.coupon != null && r.status !== "rejected"
        ? h("span", { class: "return-choice" },
          ` · ${offer.chosen === "coupon" ? "you chose the coupon" : offer.chosen === "refund" ? "you chose the refund" : "choose"}: `,
          h("button", { type: "button", class: "link", "data-choose": "coupon", disabled: offer.chosen === "coupon", onclick: () => void choose("coupon") },
            `a ${money.format(offer.coupon)} coupon`),
          " or ",
          h("button", { type: "button", class: "link", "data-choose": "refund", disabled: offer.chosen === "refund", onclick: () => void choose("refund") },
            `${money.format(offer.refund)} back`))
        : h("span", {}, ` · refund of ${money.format(offer.refund)}`),
    r.history.length > 0 ? h("span", { class: "muted" }, ` · ${time(r.history[r.history.length - 1]!.at)}`) : null);
}

function returnForm(api: Api, order: OrderView, sku: string, left: number, changed: () => Promise<void>, failed: (error: unknown) => void): HTMLElement {
  let key = crypto.randomUUID(); // a repeated submit is the same return; a refused one is final, so the next try is a new one
  const fields = returnFields(`return-${sku}`, left);
  const outcome = h("p", { class: "return-outcome", role: "status" });
  const send = h("button", { type: "submit" }, "Request return");
  const submit = async (e: Event) => {
    e.preventDefault();
    send.disabled = true;
    try {
      await api.post<ReturnView>("/api/returns", await fields.body(order.orderId, sku), { "Idempotency-Key": key });
      await changed();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        outcome.textContent = `Not returnable: ${error.problem?.detail ?? "refused"}`;
        key = crypto.randomUUID();
      } else {
        failed(error);
      }
      send.disabled = false;
    }
  };
  return h("form", { class: "return-form", "data-sku": sku, onsubmit: (e: Event) => void submit(e) },
    h("h3", {}, `Return ${sku}`), ...fields.controls, send, outcome);
}
