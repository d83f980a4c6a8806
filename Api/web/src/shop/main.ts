// The shopper's web client: catalog, product page with live stock, flash sale page, cart, checkout and live order tracking.
import { Events, Methods, Routes } from "../generated/hub-contract";
import { Api } from "../shared/api";
import * as auth from "../shared/auth";
import { Behaviour } from "../shared/behaviour";
import { byId, distance, h, money, replace, time } from "../shared/dom";
import { connect, started } from "../shared/hub";
import { CityMap, type Marker } from "../shared/map";
import { statusLine } from "../shared/status";
import { returnsPanel } from "./returns";
import { surveyPanel } from "./survey";
import type { GeoPoint, Location, LocationAvailability, OrderChanged, OrderStatus, OrderView, PageLayoutChoice, Product, ProductAvailability, ProductPage, RecommendationsChanged, SessionView, StockChanged } from "../shared/types";

/** Where this shopper's deliveries go (the demo city's shoppers live around King's Cross). */
const Home: GeoPoint & { name: string } = { lat: 51.5308, lon: -0.1238, name: "King's Cross, N1" };

interface CourierOnTheWay { orderId: string; courierId: string; name: string; position: GeoPoint; at: string; version: number; }

const asked = new URLSearchParams(location.search).get("shopper");
let user = asked && auth.current("shopper")?.subject !== asked ? await auth.signIn("shopper", asked) : await auth.ensure("shopper", () => auth.randomId("shopper"));
const token = () => user.token;
const api = new Api(token);
const sessionKey = () => `tandem.session.${user.subject}`;
const sessionId = () => localStorage.getItem(sessionKey()) ?? newSession();
const behaviour = new Behaviour(sessionId, token, Home);
const view = byId("view");
const { say, failed } = statusLine(byId("status"));

const products = new Map<string, Promise<Product>>();
const product = (sku: string) => {
  if (!products.has(sku)) products.set(sku, api.get<Product>(`/api/products/${encodeURIComponent(sku)}`));
  return products.get(sku)!;
};
const locations = api.get<Location[]>("/api/locations");

/** What the page shows now, so live events know where they belong. */
let shown: { kind: "catalog" } | { kind: "product"; sku: string; rows: Map<string, LocationAvailability> }
  | { kind: "sale"; sku: string; row: LocationAvailability; buying: boolean }
  | { kind: "cart" } | { kind: "order"; order: OrderView; courier: CourierOnTheWay | null } = { kind: "catalog" };

const hub = connect(Routes.Shop, token, () => void route());
hub.on(Events.StockChanged, (change: StockChanged) => onStock(change));
hub.on(Events.OrderChanged, (change: OrderChanged) => onOrder(change.order));
hub.on(Events.CourierPosition, (courier: CourierOnTheWay) => onCourier(courier));
hub.on(Events.Recommendations, (picks: RecommendationsChanged) => onPicks(picks));
hub.onreconnected(() => void followPicks());

function newSession(): string {
  const id = auth.randomId("web");
  localStorage.setItem(sessionKey(), id);
  return id;
}


// ---- header ----------------------------------------------------------------------------------------------

function renderWho(): void {
  replace(byId("who"),
    h("span", {}, "Signed in as ", h("strong", { id: "shopper-name" }, user.subject)),
    " ",
    h("button", { type: "button", class: "link", onclick: () => void switchShopper() }, "Switch"));
}

async function switchShopper(): Promise<void> {
  const name = prompt("Sign in as (letters, digits, - _ .)", user.subject);
  if (!name) return;
  try {
    user = await auth.signIn("shopper", name.trim());
    await hub.stop(); // the hub knows who is connected from the token given at connection time
    renderWho();
    await refreshCartCount();
    await followPicks();
    await route();
  } catch (error) {
    failed(error);
  }
}

async function refreshCartCount(): Promise<SessionView> {
  const session = await api.get<SessionView>(`/api/sessions/${sessionId()}`);
  byId("cart-count").textContent = String(session.cart.reduce((n, l) => n + l.quantity, 0));
  return session;
}

// ---- routing ---------------------------------------------------------------------------------------------

async function route(): Promise<void> {
  const [, kind, id] = location.hash.split("/");
  const watching = shown;
  try {
    if (watching.kind === "product" && !(kind === "p" && id === watching.sku)) await hub.invoke(Methods.UnwatchProduct, watching.sku);
    if (watching.kind === "sale" && !(kind === "sale" && id === watching.sku)) await hub.invoke(Methods.UnwatchProduct, watching.sku);
    if (watching.kind === "order" && !(kind === "orders" && id === watching.order.orderId)) await hub.invoke(Methods.UnwatchOrder, watching.order.orderId);
    behaviour.viewing(kind === "p" && id ? decodeURIComponent(id) : null);
    document.body.dataset.page = kind === "p" && id ? "product" : kind || "catalog";
    if (kind === "p" && id) await showProduct(decodeURIComponent(id));
    else if (kind === "sale" && id) await showSale(decodeURIComponent(id));
    else if (kind === "cart") await showCart();
    else if (kind === "orders" && id) await showOrder(decodeURIComponent(id));
    else await showCatalog();
  } catch (error) {
    failed(error);
  }
}

// ---- catalog ---------------------------------------------------------------------------------------------

async function showCatalog(): Promise<void> {
  shown = { kind: "catalog" };
  const query = new URLSearchParams({ take: "24" });
  const q = byId<HTMLInputElement>("q").value.trim();
  const category = byId<HTMLSelectElement>("category").value;
  if (q) query.set("q", q);
  if (category) query.set("category", category);
  const page = await api.get<ProductPage>(`/api/products?${query}`);
  replace(view,
    h("h1", {}, category || (q ? `Results for “${q}”` : "Everything in stock near you")),
    h("p", { class: "muted" }, `${page.total} products`),
    h("ul", { class: "grid", id: "products" }, ...page.items.map(p =>
      h("li", {}, h("a", { class: "card", href: `#/p/${encodeURIComponent(p.sku)}` },
        h("span", { class: "card-category" }, p.category),
        h("span", { class: "card-name" }, p.name),
        h("span", { class: "card-price" }, money.format(p.price)))))));
}

// ---- product ---------------------------------------------------------------------------------------------

async function showProduct(sku: string): Promise<void> {
  const [item, availability] = await Promise.all([
    product(sku),
    api.get<ProductAvailability>(`/api/products/${encodeURIComponent(sku)}/availability?lat=${Home.lat}&lon=${Home.lon}`),
  ]);
  const rows = new Map(availability.locations.map(l => [l.locationId, l]));
  shown = { kind: "product", sku, rows };
  void applyLayout();
  await started(hub);
  await hub.invoke(Methods.WatchProduct, sku);

  const quantity = h("select", { id: "quantity", name: "quantity" }, ...[1, 2, 3, 4, 5].map(n => h("option", { value: n }, n)));
  const sizes = h("table", { id: "size-chart", class: "size-chart", hidden: true },
    h("caption", {}, "Size chart"),
    h("tbody", {},
      h("tr", {}, h("th", { scope: "row" }, "Length"), h("td", {}, `${item.dimensions.lengthCm} cm`)),
      h("tr", {}, h("th", { scope: "row" }, "Width"), h("td", {}, `${item.dimensions.widthCm} cm`)),
      h("tr", {}, h("th", { scope: "row" }, "Height"), h("td", {}, `${item.dimensions.heightCm} cm`)),
      h("tr", {}, h("th", { scope: "row" }, "Weight"), h("td", {}, `${item.weightKg} kg`))));
  replace(view,
    h("p", {}, h("a", { href: "#/" }, "← All products")),
    h("article", { class: "product", "data-sku": sku },
      h("h1", {}, item.name),
      h("p", { class: "price" }, money.format(item.price)),
      h("p", {}, item.description),
      h("p", { class: "tags" }, ...item.sceneTags.map(t => h("span", { class: "tag" }, t))),
      h("button", { type: "button", class: "link", "aria-controls": "size-chart", onclick: () => {
        sizes.hidden = !sizes.hidden;
        if (!sizes.hidden) behaviour.record({ type: "sizeChart", sku });
      } }, "Size chart"),
      sizes,
      saleLink(sku, availability.locations),
      h("form", { class: "add", onsubmit: (e: Event) => { e.preventDefault(); void addToCart(sku, Number(quantity.value)); } },
        h("label", { for: "quantity" }, "Quantity"), quantity,
        h("button", { type: "submit", class: "primary", id: "add-to-cart" }, "Add to cart"))),
    h("section", { class: "stock", "aria-labelledby": "stock-title" },
      h("h2", { id: "stock-title" }, "Where it is now"),
      h("p", { class: "muted" }, `Live: updates as anyone buys. Distances from ${Home.name}.`),
      h("ul", { id: "stock" })));
  renderStock();
}

function renderStock(): void {
  if (shown.kind !== "product") return;
  const list = document.getElementById("stock");
  if (!list) return;
  const rows = [...shown.rows.values()].sort((a, b) => (b.available > 0 ? 1 : 0) - (a.available > 0 ? 1 : 0) || (a.distanceKm ?? 0) - (b.distanceKm ?? 0));
  replace(list, ...rows.map(l => h("li", { id: `stock-${l.locationId}`, class: l.available > 0 ? "in-stock" : "out-of-stock", "data-available": l.available },
    [l.available > 0 ? `${l.available} left` : "Out of stock", `${l.name}`, l.bin ? `aisle ${l.bin.aisle} shelf ${l.bin.shelf}` : null, distance(l.distanceKm)]
      .filter(Boolean).join(" · "))));
}

function onStock(change: StockChanged): void {
  if (shown.kind === "sale" && change.cell.sku === shown.sku && change.cell.locationId === shown.row.locationId && change.cell.version > shown.row.version) {
    const c = change.cell;
    shown.row = { ...shown.row, onHand: c.onHand, reserved: c.reserved, available: c.available, version: c.version, saleStartsAt: c.saleStartsAt ?? null };
    renderSale();
    return;
  }
  if (shown.kind !== "product" || change.cell.sku !== shown.sku) return;
  const row = shown.rows.get(change.cell.locationId);
  if (!row || change.cell.version <= row.version) return; // an older event arriving late changes nothing
  shown.rows.set(row.locationId, { ...row, onHand: change.cell.onHand, reserved: change.cell.reserved, available: change.cell.available, bin: change.cell.bin ?? row.bin, version: change.cell.version });
  renderStock();
}

// ---- flash sale ------------------------------------------------------------------------------------------

/** The location whose sale starts soonest, if any has one. */
function soonestSale(rows: LocationAvailability[]): LocationAvailability | undefined {
  return rows.filter(r => r.saleStartsAt).sort((a, b) => a.saleStartsAt!.localeCompare(b.saleStartsAt!))[0];
}

/** The product page's way to a sale of it: the soonest location with a sale time. */
function saleLink(sku: string, rows: LocationAvailability[]): HTMLElement | null {
  const sale = soonestSale(rows);
  return sale ? h("p", { class: "sale-link" }, h("a", { href: `#/sale/${encodeURIComponent(sku)}`, id: "sale-link" }, `Flash sale at ${sale.name} from ${time(sale.saleStartsAt!)}`)) : null;
}

/** One buying attempt of this page: a double click or a retry is the same order. */
let saleKey = crypto.randomUUID();
let saleClock: number | undefined;

async function showSale(sku: string): Promise<void> {
  const [item, availability] = await Promise.all([
    product(sku),
    api.get<ProductAvailability>(`/api/products/${encodeURIComponent(sku)}/availability?lat=${Home.lat}&lon=${Home.lon}`),
  ]);
  const row = soonestSale(availability.locations) ?? availability.locations.find(r => r.available > 0) ?? availability.locations[0];
  if (!row) throw new Error(`${item.name} is not stocked anywhere.`);
  shown = { kind: "sale", sku, row, buying: false };
  saleKey = crypto.randomUUID();
  await started(hub);
  await hub.invoke(Methods.WatchProduct, sku);
  replace(view,
    h("p", {}, h("a", { href: `#/p/${encodeURIComponent(sku)}` }, "← Product page")),
    h("article", { class: "sale", "data-sku": sku },
      h("h1", {}, `Flash sale: ${item.name}`),
      h("p", { class: "price" }, money.format(item.price)),
      h("p", { class: "muted" }, row.kind === "store" ? `At ${row.name}: buy now, collect in store.` : `From ${row.name}, delivered to ${Home.name}.`),
      h("p", { class: "sale-countdown", id: "sale-countdown", role: "timer" }),
      h("p", { class: "sale-remaining", id: "sale-remaining", "aria-live": "polite" }),
      h("button", { type: "button", class: "primary", id: "sale-buy", onclick: () => void buyOnSale() }, "Buy one now")));
  clearInterval(saleClock);
  saleClock = window.setInterval(() => { if (shown.kind === "sale") renderSale(); else clearInterval(saleClock); }, 250);
  renderSale();
}

function renderSale(): void {
  if (shown.kind !== "sale") return;
  const { row, buying } = shown;
  const left = row.saleStartsAt ? Date.parse(row.saleStartsAt) - Date.now() : 0;
  const countdown = document.getElementById("sale-countdown");
  const remaining = document.getElementById("sale-remaining");
  const buy = document.getElementById("sale-buy") as HTMLButtonElement | null;
  if (!countdown || !remaining || !buy) return;
  const text = left > 0 ? `Starts in ${clock(left)}` : "On now";
  if (countdown.textContent !== text) countdown.textContent = text;
  countdown.dataset.started = String(left <= 0);
  const units = row.available > 0 ? `${row.available.toLocaleString("en-GB")} left` : "Sold out";
  if (remaining.textContent !== units) remaining.textContent = units;
  remaining.dataset.available = String(row.available);
  buy.disabled = buying || left > 0 || row.available <= 0;
}

/** h:mm:ss (or m:ss) until a sale starts. */
function clock(ms: number): string {
  const s = Math.ceil(ms / 1000);
  const [hours, minutes, seconds] = [Math.floor(s / 3600), Math.floor((s % 3600) / 60), s % 60];
  const two = (n: number) => String(n).padStart(2, "0");
  return hours > 0 ? `${hours}:${two(minutes)}:${two(seconds)}` : `${minutes}:${two(seconds)}`;
}

async function buyOnSale(): Promise<void> {
  if (shown.kind !== "sale" || shown.buying) return;
  const { sku, row } = shown;
  shown.buying = true;
  renderSale();
  try {
    const order = await api.post<OrderView>("/api/orders", {
      sessionId: sessionId(),
      lines: [{ sku, quantity: 1 }],
      fulfilment: row.kind === "store" ? { mode: "pickup", locationId: row.locationId } : { mode: "delivery", address: { lat: Home.lat, lon: Home.lon } },
    }, { "Idempotency-Key": saleKey });
    saleKey = crypto.randomUUID();
    location.hash = `#/orders/${order.orderId}`;
  } catch (error) {
    failed(error);
    saleKey = crypto.randomUUID(); // refused: the next press is a new attempt
    if (shown.kind === "sale") shown.buying = false;
    renderSale();
  }
}

async function addToCart(sku: string, quantity: number): Promise<void> {
  try {
    const session = await api.get<SessionView>(`/api/sessions/${sessionId()}`);
    const existing = session.cart.find(l => l.sku === sku)?.quantity ?? 0;
    await api.post<SessionView>(`/api/sessions/${sessionId()}/cart`, { sku, quantity: Math.min(1000, existing + quantity) });
    behaviour.record({ type: "addToCart", sku, value: quantity });
    await refreshCartCount();
    say(`Added ${quantity} to your cart.`);
  } catch (error) {
    failed(error);
  }
}

// ---- cart and checkout -----------------------------------------------------------------------------------

/** One checkout attempt: the same key until the cart or the fulfilment changes, so a double click is one order. */
let checkoutKey = crypto.randomUUID();

async function showCart(): Promise<void> {
  shown = { kind: "cart" };
  const [session, places] = await Promise.all([refreshCartCount(), locations]);
  const lines = await Promise.all(session.cart.map(async l => ({ ...l, product: await product(l.sku) })));
  const stores = places.filter(p => p.kind === "store");
  const total = lines.reduce((sum, l) => sum + l.product.price * l.quantity, 0);
  const changed = () => { checkoutKey = crypto.randomUUID(); };
  const pickupAt = h("select", { id: "pickup-store", name: "pickup-store", onchange: changed }, ...stores.map(s => h("option", { value: s.id }, s.name)));
  const place = h("button", { type: "submit", class: "primary", id: "place-order", disabled: lines.length === 0 }, `Place order · ${money.format(total)}`);

  replace(view,
    h("h1", {}, "Your cart"),
    lines.length === 0 ? h("p", { class: "muted" }, "Nothing here yet.") : h("ul", { class: "cart", id: "cart-lines" }, ...lines.map(l =>
      h("li", { "data-sku": l.sku },
        h("a", { href: `#/p/${encodeURIComponent(l.sku)}` }, l.product.name),
        h("label", { for: `qty-${l.sku}`, class: "visually-hidden" }, `Quantity of ${l.product.name}`),
        h("input", { id: `qty-${l.sku}`, type: "number", min: 0, max: 1000, value: l.quantity, onchange: (e: Event) =>
          void setLine(l.sku, Number((e.target as HTMLInputElement).value)) }),
        h("span", {}, money.format(l.product.price * l.quantity)),
        h("button", { type: "button", class: "link", onclick: () => void setLine(l.sku, 0) }, "Remove")))),
    h("form", { id: "checkout", class: "checkout", onsubmit: (e: Event) => { e.preventDefault(); void checkout(place, pickupAt); } },
      h("fieldset", { onchange: changed },
        h("legend", {}, "How do you want it?"),
        h("label", {}, h("input", { type: "radio", name: "mode", value: "delivery", checked: true }), ` Delivery to ${Home.name}`),
        h("label", {}, h("input", { type: "radio", name: "mode", value: "pickup" }), " Pick up in store"),
        h("label", { for: "pickup-store" }, "Store"), pickupAt),
      h("label", { for: "coupon-code" }, "Coupon code (optional)"),
      h("input", { id: "coupon-code", name: "coupon-code", autocomplete: "off", spellcheck: false, oninput: changed }),
      place),
    session.openOrders.length === 0 ? null : h("section", {},
      h("h2", {}, "Your open orders"),
      h("ul", { id: "open-orders" }, ...session.openOrders.map(id => h("li", {}, h("a", { href: `#/orders/${id}` }, id))))));
}

async function setLine(sku: string, quantity: number): Promise<void> {
  try {
    await api.post(`/api/sessions/${sessionId()}/cart`, { sku, quantity });
    checkoutKey = crypto.randomUUID();
    await showCart();
  } catch (error) {
    failed(error);
  }
}

async function checkout(button: HTMLButtonElement, pickupAt: HTMLSelectElement): Promise<void> {
  if (button.disabled) return;
  button.disabled = true;
  try {
    const session = await api.get<SessionView>(`/api/sessions/${sessionId()}`);
    const mode = (document.querySelector<HTMLInputElement>("input[name=mode]:checked")?.value ?? "delivery") as "delivery" | "pickup";
    const coupon = document.querySelector<HTMLInputElement>("#coupon-code")?.value.trim() ?? "";
    const order = await api.post<OrderView>("/api/orders", {
      sessionId: sessionId(),
      lines: session.cart.map(l => ({ sku: l.sku, quantity: l.quantity })),
      fulfilment: mode === "pickup" ? { mode, locationId: pickupAt.value } : { mode, address: { lat: Home.lat, lon: Home.lon } },
      ...(coupon === "" ? {} : { couponCode: coupon }),
    }, { "Idempotency-Key": checkoutKey });
    checkoutKey = crypto.randomUUID();
    await refreshCartCount();
    location.hash = `#/orders/${order.orderId}`;
  } catch (error) {
    failed(error);
    button.disabled = false;
  }
}

// ---- order tracking --------------------------------------------------------------------------------------

const DeliverySteps: OrderStatus[] = ["placed", "reserved", "packed", "dispatched", "pickedUp", "delivered"];
const PickupSteps: OrderStatus[] = ["placed", "reserved", "packed", "readyForPickup", "pickedUp"];
const StepNames: Record<OrderStatus, string> = {
  placed: "Placed", reserved: "Stock reserved", packed: "Packed", readyForPickup: "Ready to collect", dispatched: "With a courier",
  pickedUp: "Picked up", delivered: "Delivered", cancelled: "Cancelled", returned: "Returned", expired: "Expired (not packed in time)",
  partiallyReturned: "Partly returned",
};

async function showOrder(orderId: string): Promise<void> {
  const order = await api.get<OrderView>(`/api/orders/${encodeURIComponent(orderId)}`);
  shown = { kind: "order", order, courier: null };
  await started(hub);
  await hub.invoke(Methods.WatchOrder, orderId);
  replace(view,
    h("h1", {}, "Order ", h("code", {}, orderId)),
    h("p", { class: "order-status" }, "Status: ", h("strong", { id: "order-status" }, StepNames[order.status])),
    h("p", { id: "order-total" }, "Total: ", h("strong", {}, money.format(order.total)),
      order.discount > 0 ? ` (coupon ${order.couponCode ?? ""}: −${money.format(order.discount)})` : ""),
    h("ol", { id: "timeline", class: "timeline" }),
    h("canvas", { id: "order-map", class: "map", role: "img", "aria-label": "Map of the order's pickup, the courier and the destination" }),
    h("p", { id: "courier-line", class: "muted" }),
    h("div", { id: "survey-slot" }),
    await returnsPanel(api, order, () => showOrder(orderId), failed));
  await renderOrder();
}

async function renderOrder(): Promise<void> {
  if (shown.kind !== "order") return;
  const { order, courier } = shown;
  const reached = new Map(order.history.map(t => [t.to, t]));
  const base = order.mode === "delivery" ? DeliverySteps : PickupSteps;
  const returned = order.history.map(t => t.to).filter(s => s === "partiallyReturned" || s === "returned"); // returns settled after receipt
  const steps = order.status === "cancelled" || order.status === "expired" ? [...order.history.map(t => t.to)] : [...base, ...new Set(returned)];
  byId("order-status").textContent = StepNames[order.status];
  replace(byId("timeline"), ...steps.map(step => {
    const t = reached.get(step);
    return h("li", { class: t ? "done" : "todo", "data-status": step },
      h("span", { class: "step" }, StepNames[step]),
      t ? h("span", { class: "when" }, `${time(t.at)}${t.note ? ` · ${t.note}` : ""}`) : null);
  }));
  const places = await locations;
  const from = order.lines.map(l => places.find(p => p.id === l.locationId)).filter((p): p is Location => !!p);
  const markers: Marker[] = from.map(p => ({ at: p.position, colour: "#2e7d32", radius: 6, label: p.name }));
  const to = order.deliveryAddress ?? from[0]?.position;
  if (order.deliveryAddress) markers.push({ at: order.deliveryAddress, colour: "#c62828", radius: 6, label: "You" });
  if (courier) markers.push({ at: courier.position, colour: "#1565c0", radius: 7, label: courier.name, ring: true });
  const map = new CityMap(byId<HTMLCanvasElement>("order-map"));
  map.fit(markers.map(m => m.at), 0.01);
  map.draw(markers, courier && to ? [courier.position, to] : []);
  byId("survey-slot").replaceChildren(surveyPanel(api, order, answered => {
    if (shown.kind === "order" && answered.orderId === shown.order.orderId && answered.version >= shown.order.version) shown.order = answered;
    void renderOrder();
  }, failed));
  byId("courier-line").textContent = courier ? `${courier.name} is on the way (updated ${time(courier.at)}).`
    : order.status === "dispatched" ? "Your courier is on the way." : "";
}

function onOrder(order: OrderView): void {
  if (shown.kind !== "order" || order.orderId !== shown.order.orderId || order.version <= shown.order.version) return;
  shown.order = order;
  if (order.status === "delivered" || order.status === "cancelled") shown.courier = null;
  void renderOrder();
}

function onCourier(courier: CourierOnTheWay): void {
  if (shown.kind !== "order" || courier.orderId !== shown.order.orderId) return;
  if (shown.courier && courier.version <= shown.courier.version) return;
  shown.courier = courier;
  void renderOrder();
}

// ---- page layout -----------------------------------------------------------------------------------------

/**
 * A product page takes the layout of the session's experiment variant, if a running experiment sets one (asking is what
 * counts the session as exposed to it), else the shop's own; the page is shown at once and rearranged when the answer comes.
 */
async function applyLayout(): Promise<void> {
  try {
    const choice = await api.get<PageLayoutChoice>(`/api/sessions/${sessionId()}/layout`);
    document.body.dataset.layout = choice.layout;
  } catch {
    document.body.dataset.layout = "standard";
  }
}

// ---- recommendations -------------------------------------------------------------------------------------

let picks: RecommendationsChanged | null = null;

/** Follows this session's picks live, after reading the current ones. */
async function followPicks(): Promise<void> {
  picks = null;
  await started(hub);
  await hub.invoke(Methods.WatchSession, sessionId());
  onPicks(await api.get<RecommendationsChanged>(`/api/sessions/${sessionId()}/recommendations`));
}

/** Why a product is picked, in the shopper's words: from the strategy that voted for it most. */
function why(r: RecommendationsChanged["items"][number]): string {
  switch (r.arm) {
    case "co-view": return `Because you viewed ${r.because}`;
    case "co-purchase": return `Often bought with ${r.because}`;
    case "recently-viewed": return "You looked at this";
    case "popular": return `Popular in ${r.because}`;
    case "promoted": return r.because;
    default: return `Completes ${r.because}`;
  }
}

/** Picks actually on screen, reported once per list (the bandit learns from impressions, not from lists sent). */
const onScreen = new IntersectionObserver(entries => {
  if (!picks) return;
  const list = picks;
  const seen = entries.filter(e => e.isIntersecting).map(e => (e.target as HTMLElement).dataset.sku!)
    .filter(sku => !reported.has(`${list.version}:${sku}`));
  if (seen.length === 0) return;
  seen.forEach(sku => reported.add(`${list.version}:${sku}`));
  api.post(`/api/sessions/${sessionId()}/picks/shown`, { version: list.version, skus: seen })
    .catch(() => seen.forEach(sku => reported.delete(`${list.version}:${sku}`))); // told again when next seen
}, { threshold: 0.5 });
const reported = new Set<string>();

/** A click on a pick credits the strategy that placed it; the page then follows the link as usual. */
function pickClicked(version: number, sku: string): void {
  void api.post(`/api/sessions/${sessionId()}/picks/click`, { version, sku }).catch(() => undefined);
}

function onPicks(next: RecommendationsChanged): void {
  if (next.sessionId !== sessionId() || (picks && next.version < picks.version)) return;
  picks = next;
  byId("picks-empty").hidden = next.items.length > 0;
  onScreen.disconnect();
  replace(byId("picks"), ...next.items.map(r => h("li", { "data-sku": r.sku }, h("a", { class: "card", href: `#/p/${encodeURIComponent(r.sku)}`, onclick: () => pickClicked(next.version, r.sku) },
    h("span", { class: "card-name" }, r.name),
    h("span", { class: "card-because", "data-arm": r.arm }, why(r)),
    h("span", { class: "card-price" }, money.format(r.price))))));
  byId("picks").querySelectorAll("li").forEach(li => onScreen.observe(li));
}

// ---- start -----------------------------------------------------------------------------------------------

async function start(): Promise<void> {
  renderWho();
  const categories = await api.get<string[]>("/api/categories");
  byId("category").append(...categories.map(c => h("option", { value: c }, c)));
  byId("search").addEventListener("submit", e => {
    e.preventDefault();
    if (location.hash === "" || location.hash === "#/") void showCatalog(); else location.hash = "#/";
  });
  addEventListener("hashchange", () => void route());
  await Promise.all([started(hub), refreshCartCount()]);
  await followPicks();
  await route();
  document.body.dataset.ready = "true";
}

void start().catch(failed);
