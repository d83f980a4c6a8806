// Behaviour capture: what the shopper looks at and how, batched to POST /api/sessions/{id}/events at most
// every 2 s, and flushed with sendBeacon when the page is hidden or left (the tandem.token cookie signs it).

type BehaviourType = "view" | "dwell" | "scroll" | "scrollSpeed" | "click" | "sizeChart" | "addToCart";

interface BehaviourEvent { type: BehaviourType; sku?: string; at: string; value?: number; x?: number; y?: number; }

const FlushEveryMs = 2000;
const MaxBatch = 500;

export class Behaviour {
  private queue: BehaviourEvent[] = [];
  private product: { sku: string; since: number } | null = null;
  private scroll = { depth: 0, lastY: 0, lastAt: 0, speed: 0, dirty: false };
  private inFlight = false;

  /**
   * `place` is where the shopper shops for (where the shop delivers them): sent with every batch, the first fixes the
   * region whose live KPIs count the session.
   */
  constructor(private readonly sessionId: () => string, private readonly token: () => string | null, private readonly place: { lat: number; lon: number }) {
    setInterval(() => void this.flush(), FlushEveryMs);
    addEventListener("scroll", () => this.onScroll(), { passive: true });
    addEventListener("click", e => this.onClick(e), { capture: true, passive: true });
    addEventListener("pagehide", () => this.leave());
    document.addEventListener("visibilitychange", () => {
      if (document.visibilityState === "hidden") this.leave();
    });
  }

  /** A product page opened: a view now, its dwell time when it closes. */
  viewing(sku: string | null): void {
    this.endDwell();
    if (sku) {
      this.record({ type: "view", sku });
      this.product = { sku, since: performance.now() };
      this.scroll = { depth: 0, lastY: scrollY, lastAt: performance.now(), speed: 0, dirty: false };
    }
  }

  record(event: Omit<BehaviourEvent, "at">): void {
    this.queue.push({ ...event, at: new Date().toISOString() });
    if (this.queue.length > MaxBatch * 4) this.queue.splice(0, this.queue.length - MaxBatch * 4);
  }

  private onScroll(): void {
    const now = performance.now();
    const height = Math.max(1, document.documentElement.scrollHeight - innerHeight);
    const depth = Math.min(1, scrollY / height);
    const elapsed = (now - this.scroll.lastAt) / 1000;
    if (elapsed > 0.05) {
      this.scroll.speed = Math.max(this.scroll.speed, Math.abs(scrollY - this.scroll.lastY) / elapsed);
      this.scroll.lastY = scrollY;
      this.scroll.lastAt = now;
    }
    this.scroll.depth = Math.max(this.scroll.depth, depth);
    this.scroll.dirty = true;
  }

  private onClick(e: MouseEvent): void {
    const pageHeight = Math.max(1, document.documentElement.scrollHeight);
    this.record({
      type: "click",
      sku: this.product?.sku,
      x: round(e.clientX / Math.max(1, innerWidth)),
      y: round(Math.min(1, (e.clientY + scrollY) / pageHeight)),
    });
  }

  private endDwell(): void {
    this.takeScroll();
    if (this.product) {
      this.record({ type: "dwell", sku: this.product.sku, value: Math.round(performance.now() - this.product.since) });
      this.product = null;
    }
  }

  private takeScroll(): void {
    if (this.scroll.dirty) {
      this.record({ type: "scroll", sku: this.product?.sku, value: round(this.scroll.depth) });
      if (this.scroll.speed > 0) this.record({ type: "scrollSpeed", sku: this.product?.sku, value: Math.round(this.scroll.speed) });
      this.scroll.dirty = false;
      this.scroll.speed = 0;
    }
  }

  private async flush(): Promise<void> {
    this.takeScroll();
    if (this.inFlight || this.queue.length === 0 || !this.token()) return;
    const batch = this.queue.splice(0, MaxBatch);
    this.inFlight = true;
    try {
      const response = await fetch(this.url(), {
        method: "POST",
        headers: { "content-type": "application/json", authorization: `Bearer ${this.token()}` },
        body: JSON.stringify(batch),
      });
      if (response.status >= 500 || response.status === 429) this.queue.unshift(...batch); // a re-sent batch is not counted twice
    } catch {
      this.queue.unshift(...batch);
    } finally {
      this.inFlight = false;
    }
  }

  /** The page goes away: close the dwell and hand everything to the browser to deliver. */
  private leave(): void {
    this.endDwell();
    if (this.queue.length === 0) return;
    const batch = this.queue.splice(0, MaxBatch);
    const body = new Blob([JSON.stringify(batch)], { type: "application/json" });
    if (!navigator.sendBeacon(this.url(), body)) this.queue.unshift(...batch);
  }

  private url(): string {
    return `/api/sessions/${encodeURIComponent(this.sessionId())}/events?lat=${this.place.lat}&lon=${this.place.lon}`;
  }
}

function round(value: number): number {
  return Math.round(value * 1000) / 1000;
}
