// The store's returns counter: staff of the store look an order up, take an item back under the same policy as an online
// return (or scan in one the shopper requested online), grade it and settle it (the refund, or the coupon the shopper
// chooses), put an A or B item back on sale in the store, and see the time from the scan to settled against 15 minutes.
import { Api, ApiError } from "../shared/api";
import * as auth from "../shared/auth";
import { byId, h, money, replace, time } from "../shared/dom";
import { ReturnReasons, returnFields } from "../shared/returns";
import { statusLine } from "../shared/status";
import type { OrderView, ReturnView } from "../shared/types";

const CounterRuleSeconds = 15 * 60;

const params = new URLSearchParams(location.search);
const { store, user } = await auth.storeStaff(params);
const api = new Api(() => user.token);
const { say, failed } = statusLine(byId("status"));
let shownOrder: string | null = null;

replace(byId("who"), h("span", {}, "Staff ", h("strong", {}, user.subject), " at ", h("strong", { id: "store" }, store)));
byId("lookup").addEventListener("submit", e => {
  e.preventDefault();
  void show(byId<HTMLInputElement>("order-id").value.trim());
});
document.body.dataset.ready = "true";

async function show(orderId: string): Promise<void> {
  try {
    const order = await api.get<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`);
    const returns = await Promise.all(order.returns.map(r => api.get<ReturnView>(`/api/returns/${encodeURIComponent(r.returnId)}`)));
    shownOrder = order.orderId;
    replace(byId("order"),
      h("h1", {}, "Order ", h("code", {}, order.orderId)),
      h("p", {}, `Shopper ${order.shopperId} · ${order.status}`, order.receivedAt ? ` · received ${new Date(order.receivedAt).toLocaleDateString("en-GB")}` : " · not received yet"),
      returns.length === 0 ? null : h("ul", { id: "counter-returns", class: "feed" }, ...returns.map(returnRow)),
      ...order.lines.map(line => {
        const held = order.returns.filter(r => r.sku === line.sku).reduce((sum, r) => sum + r.quantity, 0);
        return held < line.quantity && order.receivedAt ? takeBackForm(order, line.sku, line.quantity - held) : null;
      }));
  } catch (error) {
    failed(error);
  }
}

const refresh = () => (shownOrder ? show(shownOrder) : Promise.resolve());

/** Runs one counter action, then shows the order again. */
async function act(action: () => Promise<unknown>, done: string): Promise<void> {
  try {
    await action();
    say(done);
  } catch (error) {
    failed(error);
  }
  await refresh();
}

function returnRow(r: ReturnView): HTMLElement {
  const path = `/api/returns/${encodeURIComponent(r.returnId)}`;
  const settled = r.settlement;
  const actions: (HTMLElement | string)[] = [];
  if (r.status === "approved" || r.status === "pickupScheduled") {
    actions.push(h("button", { type: "button", "data-action": "scan", onclick: () => void act(() => api.post(`${path}/hand-in`, {}), "Scanned in.") }, "Scan in"));
  } else if (r.status === "collected" && r.storeId === store) {
    const grade = h("select", { id: `grade-${r.returnId}`, "aria-label": "Grade" },
      h("option", { value: "a" }, "A · as new"), h("option", { value: "b" }, "B · outlet"), h("option", { value: "c" }, "C · not sellable"));
    const coupon = h("input", { id: `coupon-${r.returnId}`, type: "checkbox", checked: r.compensation.chosen === "coupon" });
    actions.push(grade);
    if (r.compensation.coupon != null) {
      actions.push(h("label", { for: coupon.id }, coupon, ` Coupon of ${money.format(r.compensation.coupon)} instead of ${money.format(r.compensation.refund)}`));
    }
    actions.push(h("button", {
      type: "button", "data-action": "settle", onclick: () => void act(async () => {
        if (r.compensation.coupon != null) await api.post(`${path}/compensation`, { kind: coupon.checked ? "coupon" : "refund" });
        await api.post(`${path}/grade`, { grade: grade.value });
      }, "Graded and settled."),
    }, "Grade and settle"));
  } else if (r.status === "graded" && r.storeId === store) {
    actions.push(h("button", { type: "button", "data-action": "put-away", onclick: () => void act(() => api.post(`${path}/put-away`, { locationId: store }), "Back on sale.") }, "Put back on sale here"));
  }

  return h("li", { "data-return": r.returnId, "data-status": r.status },
    h("strong", {}, `${r.quantity} × ${r.sku}`), ` · ${ReturnReasons[r.reason]} · ${r.status}`,
    r.storeId && r.storeId !== store ? ` at ${r.storeId}` : "",
    settled ? h("span", { class: "counter-settled" },
      ` · ${settled.kind === "coupon" ? `coupon ${settled.couponCode ?? ""} of ${money.format(settled.amount)}` : `refund of ${money.format(settled.amount)}`}`,
      settled.counterSeconds != null ? ` · ${Math.round(settled.counterSeconds)} s from the scan ${settled.counterSeconds <= CounterRuleSeconds ? "(within 15 min)" : "(over 15 min)"}` : "",
      ` · ${time(settled.at)}`) : null,
    actions.length ? h("span", { class: "counter-actions" }, " ", ...actions) : null);
}

function takeBackForm(order: OrderView, sku: string, left: number): HTMLElement {
  let key = crypto.randomUUID();
  const fields = returnFields(`take-${sku}`, left);
  const outcome = h("p", { class: "return-outcome", role: "status" });
  const submit = async (e: Event) => {
    e.preventDefault();
    try {
      const made = await api.post<ReturnView>("/api/returns", await fields.body(order.orderId, sku), { "Idempotency-Key": key });
      if (made.status === "approved") await api.post(`/api/returns/${encodeURIComponent(made.returnId)}/hand-in`, {}); // the scan
      say(made.status === "approved" ? "Taken back and scanned in." : "Sent to review: the item stays with the shopper until ops decide.");
      await refresh();
    } catch (error) {
      if (error instanceof ApiError && error.status === 422) {
        outcome.textContent = `Not returnable: ${error.problem?.detail ?? "refused"}`;
        key = crypto.randomUUID(); // a refusal is final: the next try is a new return
      } else {
        failed(error);
      }
    }
  };
  return h("form", { class: "return-form", "data-sku": sku, onsubmit: (e: Event) => void submit(e) },
    h("h3", {}, `Take back ${sku}`), ...fields.controls, h("button", { type: "submit", class: "primary" }, "Take back"), outcome);
}
