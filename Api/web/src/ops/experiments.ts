// The control room's experiments panel: define an experiment (a control and a treatment, each with a recommendation
// strategy, a page layout, a safety-stock service level, a dispatch window, a returns coupon uplift, or several; the
// traffic, the segment and the regions), start and stop it, and read each one's results as the experiment grains report
// them: sessions (or, for a coupon experiment, shoppers) exposed per variant, conversion and revenue per unit with their
// 95 % intervals against the control, the sample-ratio check; zones and store cells exposed, each variant's supply-chain
// KPIs and its guardrails. Read every 5 s and after each action;
// nothing is computed here.
import type { Api } from "../shared/api";
import { ApiError } from "../shared/api";
import { byId, h, money, replace, time } from "../shared/dom";
import type { Comparison, ExperimentDetail, ExperimentResults, ExperimentView } from "../shared/types";

const Strategies = ["bandit", "uniform", "co-view", "recently-viewed", "co-purchase", "scene", "popular", "promoted"];
const Layouts = ["standard", "picks-first"];
const Unchanged = "";
const Shown = 6;

const percent = (share: number, digits = 1) => `${(share * 100).toFixed(digits)} %`;

/** The supply-chain KPIs a variant's results show, and how each reads. */
const SupplyKpis: { name: string; label: string; format: (v: number) => string }[] = [
  { name: "orders", label: "orders", format: v => v.toFixed(0) },
  { name: "onTime", label: "on time", format: v => percent(v) },
  { name: "deliveryMinutes", label: "minutes to the door", format: v => v.toFixed(1) },
  { name: "stockOutRate", label: "cells out of stock", format: v => percent(v) },
  { name: "inventoryTurnover", label: "turns a year", format: v => v.toFixed(0) },
];
const points = (share: number) => `${share >= 0 ? "+" : ""}${(share * 100).toFixed(1)}`;

export class ExperimentsPanel {
  private readonly details = new Map<string, ExperimentDetail>();
  private list: ExperimentView[] = [];
  private reading = false;

  constructor(private readonly api: Api, private readonly alert: (text: string, at: number) => void) {
    const form = byId<HTMLFormElement>("experiment-form");
    const options = (name: string, values: string[], chosen: string) => replace(form.elements.namedItem(name) as HTMLSelectElement,
      h("option", { value: Unchanged, selected: chosen === Unchanged }, "unchanged"), ...values.map(v => h("option", { value: v, selected: v === chosen }, v)));
    options("control", Strategies, "bandit");
    options("treatment", Strategies, "popular");
    options("control-layout", Layouts, Unchanged);
    options("treatment-layout", Layouts, Unchanged);
    form.addEventListener("submit", e => {
      e.preventDefault();
      void this.create(form);
    });
    byId("experiments").addEventListener("click", e => {
      const button = (e.target as HTMLElement).closest<HTMLButtonElement>("[data-act]");
      if (button?.dataset.act && button.dataset.experiment) {
        button.disabled = true;
        void this.act(button.dataset.experiment, button.dataset.act);
      }
    });
  }

  /** Reads the list, then the details of the latest experiments that ever ran. */
  async tick(): Promise<void> {
    if (this.reading) return;
    this.reading = true;
    try {
      this.list = await this.api.get<ExperimentView[]>("/api/experiments");
      const shown = this.list.slice(0, Shown);
      for (const e of shown.filter(e => e.status !== "draft")) {
        this.details.set(e.definition.id, await this.api.get<ExperimentDetail>(`/api/experiments/${encodeURIComponent(e.definition.id)}`));
      }
      this.render(shown);
    } catch {
      // read again at the next tick
    } finally {
      this.reading = false;
    }
  }

  private async create(form: HTMLFormElement): Promise<void> {
    const field = (name: string) => (form.elements.namedItem(name) as HTMLInputElement | HTMLSelectElement).value.trim();
    const outcome = byId("experiment-outcome");
    const segment = field("segment");
    const number = (name: string) => field(name) === "" ? null : Number(field(name));
    const regions = field("regions").split(/[\s,]+/).filter(r => r !== "" && r !== "all");
    try {
      const created = await this.api.post<ExperimentView>("/api/experiments", {
        id: field("id"),
        name: field("name"),
        hypothesis: field("hypothesis") || null,
        traffic: Number(field("traffic")) / 100,
        segments: segment === "all" ? [] : [segment],
        regions,
        variants: ["control", "treatment"].map(name => ({
          name,
          settings: {
            recommendationStrategy: field(name) || null, layout: field(`${name}-layout`) || null,
            serviceLevel: number(`${name}-level`), dispatchWindowSeconds: number(`${name}-window`),
            couponUplift: number(`${name}-coupon`) === null ? null : Number(field(`${name}-coupon`)) / 100,
          },
        })),
      });
      replace(outcome, `Experiment ${created.definition.id} is defined (a draft): start it below.`);
      form.reset();
    } catch (error) {
      replace(outcome, h("span", { class: "error", role: "alert" }, `Not defined: ${error instanceof ApiError ? error.summary : String(error)}`));
    }
    await this.tick();
  }

  private async act(id: string, act: string): Promise<void> {
    try {
      await this.api.post(`/api/experiments/${encodeURIComponent(id)}/${act}`, {});
    } catch (error) {
      this.alert(`Experiment ${id} did not ${act}: ${error instanceof ApiError ? error.summary : String(error)}`, Date.now());
    }
    await this.tick();
  }

  private render(shown: ExperimentView[]): void {
    replace(byId("experiments"),
      shown.length === 0 ? h("p", { class: "muted" }, "No experiment yet.") : null,
      ...shown.map(e => this.experiment(e, this.details.get(e.definition.id))));
  }

  private experiment(e: ExperimentView, detail: ExperimentDetail | undefined): HTMLElement {
    const d = e.definition;
    const results = e.status === "draft" ? null : detail?.results ?? null;
    const action = e.status === "draft" ? "start" : e.status === "running" ? "stop" : null;
    const onSessions = d.variants.some(v => v.settings.recommendationStrategy || v.settings.layout);
    const onShoppers = d.variants.some(v => v.settings.couponUplift !== null && v.settings.couponUplift !== undefined);
    const onSupply = d.variants.some(v => v.settings.serviceLevel || v.settings.dispatchWindowSeconds);
    // The main table only when a variant changes what sessions meet, or else a shopper's coupon.
    const sessions = onSessions || onShoppers ? results : null;
    const targets = [
      onSessions ? (d.segments.length === 0 ? "all sessions" : `the ${d.segments.join(", ")} segment`) : null,
      onShoppers ? "the shoppers offered a coupon" : null, onSupply ? "the zones and store cells" : null,
    ].filter(t => t !== null).join(" and ");
    return h("article", { class: "experiment", "data-experiment": d.id, "data-status": e.status },
      h("h3", {}, `${d.name} `, h("span", { class: "muted" }, `${d.id} · ${e.status}`),
        action ? h("button", { type: "button", "data-act": action, "data-experiment": d.id }, action === "start" ? "Start" : "Stop") : null),
      h("p", { class: "muted" },
        `${d.variants.map(v => `${v.name}: ${settings(v.settings)}`).join(" · ")} · ${percent(d.traffic, 0)} of ${targets}`,
        d.regions.length === 0 ? "" : ` · regions ${d.regions.join(", ")}`,
        e.startedAt ? ` · started ${time(e.startedAt)}` : "", e.stoppedAt ? ` · stopped ${time(e.stoppedAt)}` : ""),
      sessions === null ? null : h("p", { class: "muted", "data-kpi": "unit" }, sessions.unit === "shopper"
        ? "Shoppers offered a coupon; converted: settled a return with it (revenue: the coupons' value)."
        : "Sessions; converted: placed an order."),
      sessions === null ? null : h("table", { class: "zones" },
        h("caption", { class: "visually-hidden" }, `Results of ${d.name}`),
        h("thead", {}, h("tr", {}, ...["variant", "exposed", "converted", "conversion", "vs control (pts, 95 %)", "revenue / unit", "vs control"].map(t => h("th", { scope: "col" }, t)))),
        h("tbody", {}, ...sessions.variants.map(v => h("tr", { "data-variant": v.name },
          h("th", { scope: "row" }, v.name),
          h("td", { "data-kpi": "exposed" }, String(v.exposed)),
          h("td", {}, String(v.converted)),
          h("td", { "data-kpi": "conversion" }, percent(v.conversionRate)),
          h("td", { "data-kpi": "conversion-change" }, change(v.conversion, points)),
          h("td", {}, money.format(v.revenuePerUnit)),
          h("td", {}, change(v.revenuePerUnitChange, x => `${x >= 0 ? "+" : ""}${x.toFixed(2)}`)))))),
      sessions === null ? null : h("p", { class: sessions.sampleRatio.mismatch ? "error" : "muted", "data-kpi": "sample-ratio" },
        sessions.sampleRatio.mismatch
          ? `Sample ratio mismatch (χ² ${sessions.sampleRatio.chiSquare.toFixed(1)}, p ${sessions.sampleRatio.pValue.toExponential(1)}): the split is broken, do not read the results.`
          : `Sample ratio as planned (p ${sessions.sampleRatio.pValue.toFixed(3)}). ${sessions.plannedPerVariant.toLocaleString("en-GB")} units per variant planned; read once each has them.`),
      results === null || results.units.length === 0 ? null : supplyChain(d.name, results));
  }
}

/** What a supply-chain unit's events show, compared clustered by the unit that was assigned. */
const Outcomes: Record<string, string> = { onTime: "Deliveries on time, compared by zone", inStock: "Censuses with a unit to sell, compared by store cell" };
const UnitNames: Record<string, string> = { region: "Zones", cell: "Store cells", shopper: "Shoppers offered a coupon" };

/**
 * The other units exposed per variant (shoppers beside sessions with the coupons taken and the change against the
 * control; zones with their deliveries on time and the change clustered by zone), and for zones and store cells each
 * variant's supply-chain KPIs since the start and its guardrails.
 */
function supplyChain(name: string, results: ExperimentResults): HTMLElement {
  const variant = (i: number) => results.variants[i]?.name ?? String(i);
  return h("div", { class: "supply-results" },
    ...results.units.map(u => h("p", { class: u.sampleRatio.mismatch ? "error" : "muted", "data-unit": u.unit },
      `${UnitNames[u.unit] ?? u.unit} exposed: ${u.exposed.map((n, i) => `${variant(i)} ${n.toLocaleString("en-GB")}`
        + (u.converted.length > i ? ` (${(u.converted[i] ?? 0).toLocaleString("en-GB")} took it${i > 0 ? `, ${change(u.conversion[i], points)} pts` : ""})` : "")).join(" · ")}`,
      u.sampleRatio.mismatch ? ` — sample ratio mismatch (p ${u.sampleRatio.pValue.toExponential(1)})` : "")),
    ...results.units.filter(u => u.outcome && Outcomes[u.outcome]).map(u => h("p", { class: "muted", "data-outcome": u.unit },
      `${Outcomes[u.outcome!]}: ${u.observed.map((n, i) => `${variant(i)} ${percent(u.shares[i] ?? 0)} of ${n.toLocaleString("en-GB")}`
        + (i > 0 ? ` (${change(u.shareChange[i], points)} pts)` : "")).join(" · ")}`)),
    !results.units.some(u => u.unit === "region" || u.unit === "cell") ? null : h("table", { class: "zones" },
      h("caption", { class: "visually-hidden" }, `Supply chain of ${name}`),
      h("thead", {}, h("tr", {}, h("th", { scope: "col" }, "variant"), ...SupplyKpis.map(k => h("th", { scope: "col" }, k.label)), h("th", { scope: "col" }, "guardrails"))),
      h("tbody", {}, ...results.variants.map(v => h("tr", { "data-variant": v.name },
        h("th", { scope: "row" }, v.name),
        ...SupplyKpis.map(k => {
          const value = v.kpis.find(i => i.name === k.name)?.value;
          return h("td", { "data-kpi": k.name }, value === null || value === undefined ? "–" : k.format(value));
        }),
        h("td", { "data-kpi": "guardrails" }, v.guardrails.length === 0 ? "–" : null, ...v.guardrails.map(g =>
          h("span", { class: g.breached ? "error" : "muted", title: `may be worse by ${g.margin}` },
            `${g.indicator} ${g.worse === null || g.worse === undefined ? "not read yet" : g.breached ? "breached" : "held"} `))))))));
}

/** What a variant changes, in words (what it leaves out stays the shop's). */
function settings(s: {
  recommendationStrategy?: string | null; layout?: string | null; serviceLevel?: number | null; dispatchWindowSeconds?: number | null; couponUplift?: number | null;
} | undefined): string {
  const parts = [
    s?.recommendationStrategy ? `picks ${s.recommendationStrategy}` : null, s?.layout ? `layout ${s.layout}` : null,
    s?.serviceLevel ? `service level ${s.serviceLevel}` : null, s?.dispatchWindowSeconds ? `dispatch window ${s.dispatchWindowSeconds} s` : null,
    s?.couponUplift !== null && s?.couponUplift !== undefined ? `coupon +${percent(s.couponUplift, 0)}` : null,
  ].filter(p => p !== null);
  return parts.length === 0 ? "as the shop is" : parts.join(", ");
}

function change(c: Comparison | null | undefined, format: (x: number) => string): string {
  if (!c) return "–";
  return `${format(c.difference)} [${format(c.low)}, ${format(c.high)}]${c.significant ? " *" : ""}`;
}
