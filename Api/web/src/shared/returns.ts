// What the shop and the store counter both say about returns: the reasons and conditions a shopper can give, and a
// photo's bytes as the API takes them.
import type { ReturnView } from "./types";

export const ReturnReasons: Record<ReturnView["reason"], string> = {
  wrongSize: "Wrong size", changedMind: "Changed my mind", noLongerNeeded: "No longer needed",
  damaged: "Arrived damaged", defective: "Does not work", notAsDescribed: "Not as described",
};

export const ItemConditions: Record<NonNullable<ReturnView["condition"]>, string> = {
  unopened: "Unopened", openedUnused: "Opened, unused", used: "Used", damaged: "Damaged",
};

/** A file's bytes in base64 (the photo of a return request). */
export async function base64(file: File): Promise<string> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  let text = "";
  for (let i = 0; i < bytes.length; i += 0x8000) text += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(text);
}
