// The JSON shapes of Tandem's HTTP API and hub payloads. They are generated from the C# contracts at build time
// (Tandem.Contracts → the OpenAPI document, hub payloads included → src/generated/api.ts by openapi-typescript);
// this file only names them. A contract change that breaks a page breaks the build.
import type { components } from "../generated/api";

type Schemas = components["schemas"];

export type GeoPoint = Schemas["GeoPoint"];
export type Bin = Schemas["Bin"];
export type Product = Schemas["Product"];
export type ProductPage = Schemas["ProductPage"];
export type LocationKind = Schemas["LocationKind"];
export type Location = Schemas["Location"];
export type LocationAvailability = Schemas["LocationAvailability"];
export type ProductAvailability = Schemas["ProductAvailability"];
export type CellSnapshot = Schemas["CellSnapshot"];
export type StockChanged = Schemas["StockChanged"];
export type OrderStatus = Schemas["OrderStatus"];
export type OrderLine = Schemas["OrderLine"];
export type OrderTransition = Schemas["OrderTransition"];
export type OrderView = Schemas["OrderView"];
export type OrderChanged = Schemas["OrderChanged"];
export type CourierAssignment = Schemas["CourierAssignment"];
export type CourierOffer = Schemas["CourierOffer"];
export type CourierView = Schemas["CourierView"];
export type CourierChanged = Schemas["CourierChanged"];
export type CourierOnTheWay = Schemas["CourierOnTheWay"];
export type CartLine = Schemas["CartLine"];
export type SessionView = Schemas["SessionView"];
export type TokenResponse = Schemas["TokenResponse"];
export type ProblemDetails = Schemas["HttpValidationProblemDetails"];
export type Recommendation = Schemas["Recommendation"];
export type RecommendationsChanged = Schemas["RecommendationsChanged"];
export type ArmWeightsChanged = Schemas["ArmWeightsChanged"];
export type OpsEvent = Schemas["OpsEvent"];
export type OpsSnapshot = Schemas["OpsSnapshot"];
export type WaitingOrder = Schemas["WaitingOrder"];
export type ZoneReport = Schemas["ZoneReport"];
export type DispatchDecided = Schemas["DispatchDecided"];
export type RainArea = Schemas["RainArea"];
export type WeatherResponse = Schemas["WeatherResponse"];
export type CourierStop = Schemas["CourierStop"];
export type CellForecast = Schemas["CellForecast"];
export type CellRisk = Schemas["CellRisk"];
export type ForecastChanged = Schemas["ForecastChanged"];
export type ForecastPlannerView = Schemas["ForecastPlannerView"];
export type ForecastResponse = Schemas["ForecastResponse"];
export type SupplySuggestion = Schemas["SupplySuggestion"];
export type TransferView = Schemas["TransferView"];
