// A small city map on a canvas: locations, couriers and destinations projected into the view of London.
import type { GeoPoint } from "./types";

export interface Marker { at: GeoPoint; colour: string; radius: number; label?: string; ring?: boolean; }

export interface MapTheme { land: string; river: string; ink: string; }

/** Areas drawn under the markers: boxes (e.g. dispatch zones) and circles of a radius in kilometres (e.g. rain). */
export interface Overlay {
  boxes?: { south: number; west: number; north: number; east: number; colour: string; label?: string }[];
  circles?: { at: GeoPoint; radiusKm: number; colour: string }[];
}

export const LightMap: MapTheme = { land: "#eef2f0", river: "#a9cbe0", ink: "#1b2631" };
export const DarkMap: MapTheme = { land: "#0d1318", river: "#1f4e6e", ink: "#d5dbe0" };

export class CityMap {
  private readonly context: CanvasRenderingContext2D;
  private bounds = { south: 51.40, north: 51.62, west: -0.32, east: 0.08 };

  constructor(private readonly canvas: HTMLCanvasElement, private readonly theme: MapTheme = LightMap) {
    const context = canvas.getContext("2d");
    if (!context) throw new Error("No 2D canvas.");
    this.context = context;
  }

  /** Shrinks the view to these points (with a margin), or keeps the whole city when there are none. */
  fit(points: GeoPoint[], marginDegrees = 0.01, minimumSpan = 0.05): void {
    if (points.length === 0) return;
    const south = Math.min(...points.map(p => p.lat)), north = Math.max(...points.map(p => p.lat));
    const west = Math.min(...points.map(p => p.lon)), east = Math.max(...points.map(p => p.lon));
    const latSpan = Math.max(north - south, minimumSpan), lonSpan = Math.max(east - west, minimumSpan * 1.6);
    const lat = latSpan / 2 + Math.max(marginDegrees, latSpan * 0.1), lon = lonSpan / 2 + Math.max(marginDegrees * 1.6, lonSpan * 0.1);
    const middle = { lat: (north + south) / 2, lon: (east + west) / 2 };
    this.bounds = { south: middle.lat - lat, north: middle.lat + lat, west: middle.lon - lon, east: middle.lon + lon };
  }

  draw(markers: Marker[], path: GeoPoint[] = [], overlay: Overlay = {}): void {
    const { canvas, context } = this;
    const ratio = window.devicePixelRatio || 1;
    const width = canvas.clientWidth, height = canvas.clientHeight;
    if (canvas.width !== Math.round(width * ratio) || canvas.height !== Math.round(height * ratio)) {
      canvas.width = Math.round(width * ratio);
      canvas.height = Math.round(height * ratio);
    }
    context.setTransform(ratio, 0, 0, ratio, 0, 0);
    context.fillStyle = this.theme.land;
    context.fillRect(0, 0, width, height);
    this.drawRiver(width, height);
    for (const box of overlay.boxes ?? []) {
      const [x1, y1] = this.project({ lat: box.north, lon: box.west }, width, height);
      const [x2, y2] = this.project({ lat: box.south, lon: box.east }, width, height);
      context.fillStyle = box.colour;
      context.fillRect(x1, y1, x2 - x1, y2 - y1);
      if (box.label) {
        context.fillStyle = this.theme.ink;
        context.font = "11px system-ui, sans-serif";
        context.fillText(box.label, x1 + 3, y1 + 12);
      }
    }
    for (const circle of overlay.circles ?? []) {
      const [x, y] = this.project(circle.at, width, height);
      const [, edge] = this.project({ lat: circle.at.lat + circle.radiusKm / 111.32, lon: circle.at.lon }, width, height);
      context.beginPath();
      context.arc(x, y, Math.abs(y - edge), 0, Math.PI * 2);
      context.fillStyle = circle.colour;
      context.fill();
    }
    if (path.length > 1) {
      context.strokeStyle = "#7a8b99";
      context.setLineDash([4, 4]);
      context.beginPath();
      path.forEach((p, i) => {
        const [x, y] = this.project(p, width, height);
        if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
      });
      context.stroke();
      context.setLineDash([]);
    }
    for (const marker of markers) {
      const [x, y] = this.project(marker.at, width, height);
      context.beginPath();
      context.arc(x, y, marker.radius, 0, Math.PI * 2);
      context.fillStyle = marker.colour;
      context.fill();
      if (marker.ring) {
        context.lineWidth = 2;
        context.strokeStyle = this.theme.ink;
        context.stroke();
      }
      if (marker.label) {
        context.fillStyle = this.theme.ink;
        context.font = "12px system-ui, sans-serif";
        context.fillText(marker.label, x + marker.radius + 3, y + 4);
      }
    }
  }

  private project(p: GeoPoint, width: number, height: number): [number, number] {
    const { south, north, west, east } = this.bounds;
    return [((p.lon - west) / (east - west)) * width, ((north - p.lat) / (north - south)) * height];
  }

  /** The Thames, roughly, so the city is recognisable. */
  private drawRiver(width: number, height: number): void {
    const river: GeoPoint[] = [
      { lat: 51.468, lon: -0.32 }, { lat: 51.485, lon: -0.22 }, { lat: 51.482, lon: -0.17 }, { lat: 51.487, lon: -0.125 },
      { lat: 51.505, lon: -0.12 }, { lat: 51.508, lon: -0.09 }, { lat: 51.505, lon: -0.05 }, { lat: 51.49, lon: -0.01 },
      { lat: 51.505, lon: 0.0 }, { lat: 51.5, lon: 0.08 },
    ];
    const { context } = this;
    context.strokeStyle = this.theme.river;
    context.lineWidth = 6;
    context.beginPath();
    river.forEach((p, i) => {
      const [x, y] = this.project(p, width, height);
      if (i === 0) context.moveTo(x, y); else context.lineTo(x, y);
    });
    context.stroke();
    context.lineWidth = 1;
  }
}
