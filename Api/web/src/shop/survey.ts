// The order page's survey, once the shopper has the goods: how likely they are to recommend Tandem, 0 to 10, answered once
// (it moves the NPS of the order's region). Sending the same answer again is harmless; the answer given is shown after.
import type { Api } from "../shared/api";
import { h } from "../shared/dom";
import type { OrderView } from "../shared/types";

/** The survey section of an order; <paramref name="answered"/> gets the order as it stands after the answer. */
export function surveyPanel(api: Api, order: OrderView, answered: (order: OrderView) => void, failed: (error: unknown) => void): HTMLElement {
  const section = h("section", { id: "survey", "aria-labelledby": "survey-title" }, h("h2", { id: "survey-title" }, "How did we do?"));
  if (!order.receivedAt) {
    section.append(h("p", { class: "muted" }, "Once you have the goods, tell us how likely you are to recommend Tandem."));
    return section;
  }

  if (order.surveyScore != null) {
    section.append(h("p", { id: "survey-answer", "data-score": order.surveyScore }, `Thank you: you answered ${order.surveyScore} out of 10.`));
    return section;
  }

  const send = async (score: number, button: HTMLButtonElement) => {
    button.disabled = true;
    try {
      answered(await api.post<OrderView>(`/api/orders/${encodeURIComponent(order.orderId)}/survey`, { score }));
    } catch (error) {
      button.disabled = false;
      failed(error);
    }
  };
  const scores = h("div", { class: "survey-scores", role: "group", "aria-labelledby": "survey-question" });
  for (let score = 0; score <= 10; score++) {
    const button = h("button", { type: "button", "data-score": score, "aria-label": `${score} out of 10` }, String(score));
    button.addEventListener("click", () => void send(score, button));
    scores.append(button);
  }

  section.append(
    h("p", { id: "survey-question" }, "How likely are you to recommend Tandem to a friend? (0 not at all, 10 certainly)"),
    scores);
  return section;
}
