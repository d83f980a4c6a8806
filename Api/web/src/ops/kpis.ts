// The control room's live KPIs: the city's or one region's indicators over the last 15 minutes, hour or day, as the KPI
// grains count them (GET /api/kpis, read every 5 s): each with its value, an arrow against the window before and a line of
// its trend inside the window; the cells out of stock at the stock census's last count and the couriers on shift as the
// courier boards last saw them. Nothing is counted here; the page only formats what the grains report.
import type { Api } from "../shared/api";
import { byId, h, money, replace, time } from "../shared/dom";
import type { KpiBoard, KpiIndicator, KpiReport } from "../shared/types";

type Better = "up" | "down";
interface Shown { name: string; label: string; format: (value: number) => string; better: Better; }

const percent = (share: number) => `${(share * 100).toFixed(share < 0.1 && share > 0 ? 1 : 0)} %`;

/** The indicators in the order shown, with how each reads and which way is better. */
const Indicators: Shown[] = [
  { name: "orders", label: "orders", format: v => v.toFixed(0), better: "up" },
  { name: "conversion", label: "sessions that ordered", format: percent, better: "up" },
  { name: "averageOrderValue", label: "average order", format: v => money.format(v), better: "up" },
  { name: "recommendationCtr", label: "picks clicked", format: percent, better: "up" },
  { name: "onTime", label: "delivered on time (≤ 45 min)", format: percent, better: "up" },
  { name: "deliveryMinutes", label: "minutes to the door", format: v => v.toFixed(1), better: "down" },
  { name: "returnRate", label: "orders returned", format: percent, better: "down" },
  { name: "packingFill", label: "box fill", format: percent, better: "up" },
  { name: "packingSaving", label: "box volume saved on first fit", format: percent, better: "up" },
  { name: "stockOutRate", label: "cells out of stock (census mean)", format: percent, better: "down" },
  { name: "inventoryTurnover", label: "stock turns a year at this pace", format: v => v.toLocaleString("en-GB", { maximumFractionDigits: v < 10 ? 1 : 0 }), better: "up" },
  { name: "nps", label: "NPS", format: v => v.toFixed(0), better: "up" },
];

const City = "all";
const Svg = "http://www.w3.org/2000/svg";

export class KpisPanel {
  private board: KpiBoard | null = null;
  private quarter: KpiBoard | null = null;
  private reading = false;

  constructor(private readonly api: Api) {
    const changed = () => { this.render(); void this.tick(); };
    byId("kpi-region").addEventListener("change", changed);
    byId("kpi-window").addEventListener("change", changed);
  }

  /** The report shown: the chosen region's (or the city's) over the chosen window, once read. */
  current: KpiReport | null = null;

  /** The city's count of an indicator (`orders`, `reservations`) per minute over the last 15 minutes (for the charts), once read. */
  perMinute(name: "orders" | "reservations"): { at: string; series: (number | null)[] } | null {
    const counted = this.quarter?.overall.indicators.find(i => i.name === name);
    return counted && this.quarter ? { at: this.quarter.overall.at, series: counted.series } : null;
  }

  async tick(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      const window = byId<HTMLSelectElement>("kpi-window").value;
      this.quarter = await this.api.get<KpiBoard>("/api/kpis?window=15m");
      this.board = window === "15m" ? this.quarter : await this.api.get<KpiBoard>(`/api/kpis?window=${encodeURIComponent(window)}`);
      this.render();
    } catch {
      // read again at the next tick
    } finally {
      this.reading = false;
    }
  }

  private render(): void {
    const board = this.board;
    if (!board) return;
    const regions = byId<HTMLSelectElement>("kpi-region");
    const chosen = regions.value || City;
    const options = [[City, "the city"], ...board.regions.map(r => [r.id, `${r.id} · ${r.locations.join(", ")}`])];
    if (regions.options.length !== options.length) {
      replace(regions, ...options.map(([id, label]) => h("option", { value: id, selected: id === chosen }, label)));
    }
    const report = chosen === City ? board.overall : board.regions.find(r => r.id === chosen)?.report ?? board.overall;
    if (byId<HTMLSelectElement>("kpi-window").value !== report.window) return; // the window changed: the next read draws it
    this.current = report;
    replace(byId("kpi-at"), `${report.region === City ? "city" : report.region} · ${report.window} to ${time(report.at)}`);
    replace(byId("kpi-tiles"), ...Indicators.map(shown => this.tile(shown, report)));
    const counted = chosen === City ? board.census?.city : board.census?.regions.find(r => r.region === chosen);
    const stockOuts = byId("kpi-stock-outs");
    replace(stockOuts, counted ? `${counted.outOfStock.toLocaleString("en-GB")} of ${counted.cells.toLocaleString("en-GB")}` : "–");
    stockOuts.title = board.census ? `stock census at ${time(board.census.at)}` : "no stock census yet";
    const couriers = chosen === City ? board.activeCouriers : board.regions.find(r => r.id === chosen)?.activeCouriers ?? 0;
    replace(byId("kpi-active-couriers"), couriers.toLocaleString("en-GB"));
    document.body.dataset.kpisRead = report.at;
  }

  private tile(shown: Shown, report: KpiReport): HTMLElement {
    const indicator = report.indicators.find(i => i.name === shown.name);
    const value = indicator?.value ?? null;
    const previous = indicator?.previous ?? null;
    return h("div", { class: "tile kpi", "data-kpi": shown.name, "data-region": report.region, "data-window": report.window },
      h("div", { class: "value" }, h("span", { class: "number" }, value === null ? "–" : shown.format(value)), " ", arrow(value, previous, shown)),
      h("div", { class: "label" }, shown.label),
      indicator ? sparkline(indicator, shown.label) : null);
  }
}

/** ▲ or ▼ against the window before, green when it moved the better way; nothing when either is unknown or equal. */
function arrow(value: number | null, previous: number | null, shown: Shown): HTMLElement | null {
  if (value === null || previous === null || value === previous) return null;
  const up = value > previous;
  const good = up === (shown.better === "up");
  return h("span", { class: `trend ${good ? "good" : "bad"}`, title: `was ${shown.format(previous)} the window before` }, up ? "▲" : "▼");
}

/** The indicator over each slice of the window as a line (gaps where nothing was counted). */
function sparkline(indicator: KpiIndicator, label: string): SVGSVGElement {
  const svg = document.createElementNS(Svg, "svg");
  svg.setAttribute("viewBox", "0 0 100 24");
  svg.setAttribute("preserveAspectRatio", "none");
  svg.setAttribute("class", "sparkline");
  svg.setAttribute("role", "img");
  svg.setAttribute("aria-label", `${label}: trend within the window`);
  const known = indicator.series.filter((v): v is number => v !== null);
  const [low, high] = [Math.min(0, ...known), Math.max(...known, 0)];
  const step = indicator.series.length > 1 ? 100 / (indicator.series.length - 1) : 0;
  let run: string[] = [];
  const flush = () => {
    if (run.length === 0) return;
    const line = document.createElementNS(Svg, run.length === 1 ? "circle" : "polyline");
    if (run.length === 1) {
      const [x, y] = run[0]!.split(",");
      line.setAttribute("cx", x!);
      line.setAttribute("cy", y!);
      line.setAttribute("r", "1.5");
    } else {
      line.setAttribute("points", run.join(" "));
    }
    svg.append(line);
    run = [];
  };
  indicator.series.forEach((v, i) => {
    if (v === null) { flush(); return; }
    const y = high === low ? 12 : 22 - ((v - low) / (high - low)) * 20;
    run.push(`${(i * step).toFixed(1)},${y.toFixed(1)}`);
  });
  flush();
  return svg;
}
