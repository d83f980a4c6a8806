// The control room's lineage panel: a decision (typed or chosen with a "why?" button elsewhere on the page) walked back
// to the events that caused it, as GET /api/lineage/{id} answers: a graph drawn in columns from the decision (left) to
// what it came from (right), each node with its kind, what it decided, its model and version, and its figures on demand.
import type { Api } from "../shared/api";
import { ApiError } from "../shared/api";
import { byId, h, replace, time } from "../shared/dom";
import type { LineageGraph, LineageNode } from "../shared/types";

const Svg = "http://www.w3.org/2000/svg";
const [NodeWidth, NodeHeight, ColumnGap, RowGap] = [220, 64, 60, 14];

export class LineagePanel {
  private shown: LineageGraph | null = null;

  constructor(private readonly api: Api) {
    const form = byId<HTMLFormElement>("lineage-form");
    form.addEventListener("submit", e => {
      e.preventDefault();
      void this.show(byId<HTMLInputElement>("lineage-id").value.trim());
    });
    document.addEventListener("click", e => {
      const why = (e.target as HTMLElement).closest<HTMLElement>("button[data-lineage]");
      if (why?.dataset.lineage) {
        byId<HTMLInputElement>("lineage-id").value = why.dataset.lineage;
        void this.show(why.dataset.lineage);
        if (why.closest("#lineage") === null) byId("lineage-title").scrollIntoView({ block: "start" });
      }
    });
  }

  async show(id: string): Promise<void> {
    const out = byId("lineage");
    try {
      this.shown = await this.api.get<LineageGraph>(`/api/lineage/${encodeURIComponent(id)}`);
      this.render(this.shown, this.shown.nodes[0]!);
    } catch (error) {
      this.shown = null;
      replace(out, h("p", { class: "error", role: "alert" }, `No lineage: ${error instanceof ApiError ? error.summary : String(error)}`));
    }
  }

  private render(graph: LineageGraph, chosen: LineageNode): void {
    const columns = depths(graph);
    const nodes = new Map(graph.nodes.map(n => [n.id, n]));
    const at = new Map<string, { x: number; y: number }>();
    columns.forEach((ids, c) => ids.forEach((id, r) => at.set(id, { x: c * (NodeWidth + ColumnGap), y: r * (NodeHeight + RowGap) })));
    const width = columns.length * (NodeWidth + ColumnGap) - ColumnGap;
    const height = Math.max(...columns.map(c => c.length)) * (NodeHeight + RowGap) - RowGap;
    const svg = document.createElementNS(Svg, "svg");
    svg.setAttribute("viewBox", `0 0 ${width} ${height}`);
    svg.setAttribute("width", String(width));
    svg.setAttribute("height", String(height));
    svg.setAttribute("class", "lineage-graph");
    svg.setAttribute("role", "img");
    svg.setAttribute("aria-label", `Lineage of ${graph.root}: ${graph.nodes.length} nodes`);
    for (const node of graph.nodes) {
      const from = at.get(node.id)!;
      for (const input of node.inputs) {
        const to = at.get(input.id);
        if (!to) continue;
        const line = document.createElementNS(Svg, "path");
        const [x1, y1, x2, y2] = [from.x + NodeWidth, from.y + NodeHeight / 2, to.x, to.y + NodeHeight / 2];
        line.setAttribute("d", `M${x1},${y1} C${x1 + ColumnGap / 2},${y1} ${x2 - ColumnGap / 2},${y2} ${x2},${y2}`);
        line.setAttribute("class", "edge");
        svg.append(line);
      }
    }
    for (const node of graph.nodes) {
      const { x, y } = at.get(node.id)!;
      const group = document.createElementNS(Svg, "g");
      group.setAttribute("class", `node kind-${node.kind}${node.id === chosen.id ? " chosen" : ""}`);
      group.setAttribute("data-node", node.id);
      group.setAttribute("tabindex", "0");
      group.setAttribute("role", "button");
      group.setAttribute("aria-label", `${node.kind}: ${node.summary}`);
      const box = document.createElementNS(Svg, "rect");
      for (const [k, v] of [["x", x], ["y", y], ["width", NodeWidth], ["height", NodeHeight], ["rx", 6]] as const) box.setAttribute(k, String(v));
      const kind = text(x + 8, y + 16, `${node.kind}${node.moreInputs > 0 ? ` (+${node.moreInputs} more)` : ""}`, "kind");
      const summary = text(x + 8, y + 34, clip(node.summary, 34), "summary");
      const model = text(x + 8, y + 52, clip([node.model, node.version].filter(Boolean).join(" · ") || node.id, 36), "model");
      const title = document.createElementNS(Svg, "title");
      title.textContent = `${node.id}\n${node.summary}`;
      group.append(title, box, kind, summary, model);
      const choose = () => this.render(graph, node);
      group.addEventListener("click", choose);
      group.addEventListener("keydown", e => { if (e.key === "Enter" || e.key === " ") { e.preventDefault(); choose(); } });
      svg.append(group);
    }
    void nodes;
    replace(byId("lineage"),
      h("p", { class: "muted" }, `${graph.root}: ${graph.nodes.length} nodes${graph.truncated ? " (the walk stopped at its limit)" : ""}${graph.unresolved.length ? ` · unknown now: ${graph.unresolved.join(", ")}` : ""}`),
      h("div", { class: "lineage-scroll" }, svg),
      details(chosen));
    document.body.dataset.lineageShown = graph.root;
  }
}

/** Each node's column: its fewest steps from the decision along inputs (the decision alone in the first). */
function depths(graph: LineageGraph): string[][] {
  const byId = new Map(graph.nodes.map(n => [n.id, n]));
  const column = new Map<string, number>([[graph.root, 0]]);
  const queue = [graph.root];
  while (queue.length > 0) {
    const id = queue.shift()!;
    for (const input of byId.get(id)?.inputs ?? []) {
      if (!column.has(input.id) && byId.has(input.id)) {
        column.set(input.id, column.get(id)! + 1);
        queue.push(input.id);
      }
    }
  }
  const columns: string[][] = [];
  for (const node of graph.nodes) (columns[column.get(node.id) ?? 0] ??= []).push(node.id);
  return columns;
}

function text(x: number, y: number, value: string, kind: string): SVGTextElement {
  const t = document.createElementNS(Svg, "text");
  t.setAttribute("x", String(x));
  t.setAttribute("y", String(y));
  t.setAttribute("class", kind);
  t.textContent = value;
  return t;
}

function clip(value: string, length: number): string {
  return value.length <= length ? value : `${value.slice(0, length - 1)}…`;
}

/** The chosen node in full: what it decided, when, with what, on which figures, from what. */
function details(node: LineageNode): HTMLElement {
  return h("article", { class: "lineage-node", "data-node": node.id },
    h("h3", {}, `${node.kind} `, h("span", { class: "muted" }, node.id)),
    h("p", {}, node.summary),
    h("p", { class: "muted" }, [node.at ? `at ${time(node.at)}` : null, node.model ? `model ${node.model}` : null, node.version ? `version ${node.version}` : null].filter(Boolean).join(" · ")),
    Object.keys(node.facts).length === 0 ? null : h("table", { class: "zones" },
      h("caption", { class: "visually-hidden" }, `Figures of ${node.id}`),
      h("tbody", {}, ...Object.entries(node.facts).map(([k, v]) => h("tr", {}, h("th", { scope: "row" }, k), h("td", {}, v))))),
    node.inputs.length === 0 ? null : h("ul", { class: "feed" }, ...node.inputs.map(i =>
      h("li", {}, `${i.role}: `, h("button", { type: "button", class: "link", "data-lineage": i.id }, i.id)))));
}
