// The JSON shapes of Tandem's HTTP API and hub payloads (camelCase, enums as camelCase strings).

export interface GeoPoint { lat: number; lon: number; }
export interface Bin { aisle: string; shelf: string; }

export interface Product {
  sku: string;
  name: string;
  category: string;
  price: number;
  dimensions: { lengthCm: number; widthCm: number; heightCm: number };
  weightKg: number;
  sceneTags: string[];
  description: string;
}

export interface ProductPage { total: number; items: Product[]; }

export type LocationKind = "warehouse" | "store";

export interface Location { id: string; name: string; kind: LocationKind; position: GeoPoint; address: string; }

export interface LocationAvailability {
  locationId: string;
  name: string;
  kind: LocationKind;
  onHand: number;
  reserved: number;
  available: number;
  bin: Bin | null;
  position: GeoPoint;
  distanceKm: number | null;
  version: number;
}

export interface ProductAvailability { sku: string; totalAvailable: number; locations: LocationAvailability[]; }

export interface CellSnapshot {
  sku: string;
  locationId: string;
  onHand: number;
  reserved: number;
  committed: number;
  available: number;
  bin: Bin | null;
  version: number;
}

export interface StockChanged { cell: CellSnapshot; reason: string; quantity: number; at: string; }

export type OrderStatus = "placed" | "reserved" | "packed" | "readyForPickup" | "dispatched" | "pickedUp" | "delivered" | "cancelled" | "returned" | "expired";

export interface OrderLine { sku: string; quantity: number; locationId: string; unitPrice: number; }
export interface OrderTransition { from: OrderStatus | null; to: OrderStatus; at: string; actor: string; note: string | null; }

export interface OrderView {
  orderId: string;
  shopperId: string;
  sessionId: string;
  status: OrderStatus;
  mode: "delivery" | "pickup";
  lines: OrderLine[];
  pickupLocationId: string | null;
  deliveryAddress: GeoPoint | null;
  courierId: string | null;
  total: number;
  history: OrderTransition[];
  placedAt: string;
  version: number;
}

export interface OrderChanged { order: OrderView; transition: OrderTransition; }

export interface CourierAssignment { orderId: string; pickupLocationId: string; pickup: GeoPoint; dropoff: GeoPoint; assignedAt: string; pickedUp: boolean; }

export interface CourierOffer { orderId: string; pickupLocationId: string; pickup: GeoPoint; dropoff: GeoPoint; offeredAt: string; expiresAt: string; }

export interface CourierView {
  courierId: string;
  name: string;
  status: "offline" | "idle" | "toPickup" | "toDropoff";
  position: GeoPoint | null;
  positionAt: string | null;
  capacity: number;
  assignments: CourierAssignment[];
  version: number;
  offer: CourierOffer | null;
  pushEnabled: boolean;
}

export interface CourierChanged { courier: CourierView; kind: string; orderId: string | null; at: string; }

export interface CartLine { sku: string; quantity: number; }

export interface SessionView {
  sessionId: string;
  cart: CartLine[];
  openOrders: string[];
  eventsSeen: number;
  version: number;
  shopperId: string | null;
}

export interface TokenResponse { accessToken: string; tokenType: string; expiresIn: number; }

export interface ProblemDetails { status: number; title: string; detail?: string; errors?: Record<string, string[]>; }

export interface Recommendation { sku: string; name: string; price: number; score: number; because: string; }

export interface RecommendationsChanged { sessionId: string; items: Recommendation[]; version: number; at: string; }
