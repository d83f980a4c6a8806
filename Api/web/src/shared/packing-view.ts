// Draws a packed box two ways: an isometric picture of every unit (numbered in packing order) and the layers seen from
// above, bottom first, so a packer can follow the steps. Pure SVG built without markup strings.
import { h } from "./dom";
import type { Parcel, PackedItem } from "./types";

const Svg = "http://www.w3.org/2000/svg";
const Cos = Math.cos(Math.PI / 6);
const Sin = Math.sin(Math.PI / 6);

function svg<K extends keyof SVGElementTagNameMap>(tag: K, attributes: Record<string, string | number>, ...children: (Node | string)[]): SVGElementTagNameMap[K] {
  const element = document.createElementNS(Svg, tag);
  for (const [name, value] of Object.entries(attributes)) element.setAttribute(name, String(value));
  element.append(...children);
  return element;
}

/** A stable colour per sku. */
export function colourOf(sku: string): string {
  let hash = 0;
  for (const c of sku) hash = (hash * 31 + c.charCodeAt(0)) >>> 0;
  return `hsl(${hash % 360} 55% 55%)`;
}

const project = (x: number, y: number, z: number): [number, number] => [(x - y) * Cos, (x + y) * Sin - z];

function polygon(points: [number, number, number][], scale: number, dx: number, dy: number, fill: string, stroke = "#1b2631"): SVGPolygonElement {
  const projected = points.map(([x, y, z]) => project(x, y, z)).map(([px, py]) => `${(px * scale + dx).toFixed(1)},${(py * scale + dy).toFixed(1)}`);
  return svg("polygon", { points: projected.join(" "), fill, stroke, "stroke-width": 0.6 });
}

/** The box in isometric view, the units drawn far to near and numbered by their packing step. */
export function isometric(parcel: Parcel, width = 360): SVGSVGElement {
  const { lengthCm: L, widthCm: W, heightCm: H } = parcel;
  const corners = [[0, 0, 0], [L, 0, 0], [0, W, 0], [L, W, 0], [0, 0, H], [L, 0, H], [0, W, H], [L, W, H]].map(([x, y, z]) => project(x!, y!, z!));
  const minX = Math.min(...corners.map(c => c[0])), maxX = Math.max(...corners.map(c => c[0]));
  const minY = Math.min(...corners.map(c => c[1])), maxY = Math.max(...corners.map(c => c[1]));
  const scale = (width - 20) / (maxX - minX);
  const height = Math.ceil((maxY - minY) * scale + 20);
  const dx = 10 - minX * scale, dy = 10 - minY * scale;
  const picture = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", class: "packing-iso", "aria-label": `Box ${parcel.boxId} in 3D, ${parcel.items.length} units` });
  // The box's floor and back walls, then the units far to near, then the box's front edges as lines.
  picture.append(polygon([[0, 0, 0], [L, 0, 0], [L, W, 0], [0, W, 0]], scale, dx, dy, "#2a3845"));
  picture.append(polygon([[0, 0, 0], [0, W, 0], [0, W, H], [0, 0, H]], scale, dx, dy, "#22303c"));
  picture.append(polygon([[0, 0, 0], [L, 0, 0], [L, 0, H], [0, 0, H]], scale, dx, dy, "#1f2b36"));
  const items = [...parcel.items].sort((a, b) => a.x + a.y + a.z + (a.lengthCm + a.widthCm + a.heightCm) / 2 - (b.x + b.y + b.z + (b.lengthCm + b.widthCm + b.heightCm) / 2));
  for (const item of items) picture.append(unit(item, scale, dx, dy));
  for (const [a, b] of [[[L, W, 0], [L, W, H]], [[L, 0, H], [L, W, H]], [[0, W, H], [L, W, H]], [[L, 0, 0], [L, 0, H]], [[0, W, 0], [0, W, H]], [[L, 0, H], [0, 0, H]], [[0, W, H], [0, 0, H]]] as [number, number, number][][]) {
    const [x1, y1] = project(...a!), [x2, y2] = project(...b!);
    picture.append(svg("line", { x1: x1 * scale + dx, y1: y1 * scale + dy, x2: x2 * scale + dx, y2: y2 * scale + dy, stroke: "#9fb1c1", "stroke-width": 1, "stroke-dasharray": "4 3" }));
  }
  return picture;
}

function unit(item: PackedItem, scale: number, dx: number, dy: number): SVGGElement {
  const { x, y, z } = item, x2 = x + item.lengthCm, y2 = y + item.widthCm, z2 = z + item.heightCm;
  const colour = colourOf(item.sku);
  const [cx, cy] = project((x + x2) / 2, (y + y2) / 2, z2);
  return svg("g", { "data-step": item.step, "data-sku": item.sku },
    svg("title", {}, `Step ${item.step}: ${item.sku}, ${item.lengthCm} × ${item.widthCm} × ${item.heightCm} cm at ${item.x}, ${item.y}, ${item.z}`),
    polygon([[x2, y, z], [x2, y2, z], [x2, y2, z2], [x2, y, z2]], scale, dx, dy, `color-mix(in srgb, ${colour} 75%, black)`),
    polygon([[x, y2, z], [x2, y2, z], [x2, y2, z2], [x, y2, z2]], scale, dx, dy, `color-mix(in srgb, ${colour} 60%, black)`),
    polygon([[x, y, z2], [x2, y, z2], [x2, y2, z2], [x, y2, z2]], scale, dx, dy, colour),
    svg("text", { x: (cx * scale + dx).toFixed(1), y: (cy * scale + dy + 4).toFixed(1), "text-anchor": "middle", "font-size": 11, fill: "#0b0f14" }, String(item.step)));
}

/** Each layer (units standing at the same height) from above, bottom first. */
export function layers(parcel: Parcel, width = 220): HTMLElement {
  const heights = [...new Set(parcel.items.map(i => i.z))].sort((a, b) => a - b);
  const scale = (width - 4) / parcel.lengthCm;
  const height = Math.ceil(parcel.widthCm * scale + 4);
  return h("div", { class: "packing-layers" }, ...heights.map((z, n) => {
    const here = parcel.items.filter(i => i.z === z).sort((a, b) => a.step - b.step);
    const plan = svg("svg", { viewBox: `0 0 ${width} ${height}`, width, height, role: "img", "aria-label": `Layer ${n + 1} from above` },
      svg("rect", { x: 2, y: 2, width: parcel.lengthCm * scale, height: parcel.widthCm * scale, fill: "#2a3845", stroke: "#9fb1c1" }),
      ...here.map(i => svg("g", { "data-step": i.step },
        svg("rect", { x: 2 + i.x * scale, y: 2 + i.y * scale, width: i.lengthCm * scale, height: i.widthCm * scale, fill: colourOf(i.sku), stroke: "#0b0f14" }),
        svg("text", { x: 2 + (i.x + i.lengthCm / 2) * scale, y: 6 + (i.y + i.widthCm / 2) * scale, "text-anchor": "middle", "font-size": 11, fill: "#0b0f14" }, String(i.step)))));
    return h("figure", { class: "packing-layer", "data-layer": n + 1 }, plan,
      h("figcaption", {}, `Layer ${n + 1} at ${z} cm: step${here.length > 1 ? "s" : ""} ${here.map(i => i.step).join(", ")}`));
  }));
}
