// The courier app's service worker: offers pushed while the page is in the background become notifications;
// with the page in view, the page shows them itself (it hears them live on the hub).

interface PushMessage { type?: string; orderId?: string; title?: string; body?: string; }
interface WindowClientLike { visibilityState: string; url: string; focus(): Promise<unknown>; postMessage(message: unknown): void; }
interface WorkerScope {
  addEventListener(type: "push", listener: (event: { data: { json(): unknown } | null; waitUntil(p: Promise<unknown>): void }) => void): void;
  addEventListener(type: "notificationclick", listener: (event: { notification: { close(): void }; waitUntil(p: Promise<unknown>): void }) => void): void;
  clients: { matchAll(options: { type: "window"; includeUncontrolled: boolean }): Promise<WindowClientLike[]>; openWindow(url: string): Promise<unknown> };
  registration: { showNotification(title: string, options: { body?: string; tag?: string; data?: unknown; requireInteraction?: boolean }): Promise<void> };
}

const worker = self as unknown as WorkerScope;

worker.addEventListener("push", event => {
  const message = (event.data?.json() ?? {}) as PushMessage;
  event.waitUntil((async () => {
    const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
    if (windows.some(w => w.visibilityState === "visible")) {
      windows.forEach(w => w.postMessage(message));
      return;
    }
    await worker.registration.showNotification(message.title ?? "Tandem", {
      body: message.body, tag: `offer-${message.orderId ?? ""}`, data: message, requireInteraction: true,
    });
  })());
});

worker.addEventListener("notificationclick", event => {
  event.notification.close();
  event.waitUntil((async () => {
    const windows = await worker.clients.matchAll({ type: "window", includeUncontrolled: true });
    const open = windows.find(w => new URL(w.url).pathname === "/courier");
    if (open) await open.focus();
    else await worker.clients.openWindow("/courier");
  })());
});
