// What the shop and the store counter both show of returns: the reasons and conditions a shopper can give, and the
// fields of a return request with the body they make (a photo's bytes in base64, as the API takes them).
import { h } from "./dom";
import type { ReturnView } from "./types";

export const ReturnReasons: Record<ReturnView["reason"], string> = {
  wrongSize: "Wrong size", changedMind: "Changed my mind", noLongerNeeded: "No longer needed",
  damaged: "Arrived damaged", defective: "Does not work", notAsDescribed: "Not as described",
};

export const ItemConditions: Record<NonNullable<ReturnView["condition"]>, string> = {
  unopened: "Unopened", openedUnused: "Opened, unused", used: "Used", damaged: "Damaged",
};

/** A file's bytes in base64 (the photo of a return request). */
async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}

/** The fields of a return request for one line (how many, why, condition, tags, a photo) and the request body they make. */
export interface ReturnFields {
  readonly controls: HTMLElement[];
  body(orderId: string, sku: string): Promise<Record<string, unknown>>;
}

export function returnFields(prefix: string, left: number): ReturnFields {
  const id = (name: string) => `${prefix}-${name}`;
  const quantity = h("input", { id: id("quantity"), type: "number", min: 1, max: left, value: 1, required: true });
  const reason = h("select", { id: id("reason") }, ...Object.entries(ReturnReasons).map(([value, text]) => h("option", { value }, text)));
  const condition = h("select", { id: id("condition") }, ...Object.entries(ItemConditions).map(([value, text]) => h("option", { value }, text)));
  const tags = h("input", { id: id("tags"), type: "checkbox", checked: true });
  const photo = h("input", { id: id("photo"), type: "file", accept: "image/jpeg,image/png,image/webp" });
  return {
    controls: [
      h("label", { for: id("quantity") }, `How many (up to ${left})`), quantity,
      h("label", { for: id("reason") }, "Why"), reason,
      h("label", { for: id("condition") }, "Its condition"), condition,
      h("label", { for: id("tags"), class: "tags-attached" }, tags, " The tags are still attached"),
      h("label", { for: id("photo") }, "A photo of the item with its tags"), photo,
    ],
    body: async (orderId, sku) => {
      const file = photo.files?.[0];
      return {
        orderId, sku, quantity: Number(quantity.value), reason: reason.value, condition: condition.value, tagsAttached: tags.checked,
        ...(file ? { photo: { type: file.type, data: await base64(file) } } : {}),
      };
    },
  };
}
