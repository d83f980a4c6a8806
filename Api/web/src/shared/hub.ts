// A SignalR connection to one of Tandem's hubs. Names come from the generated contract; the token rides in
// the access_token query on WebSockets. After a reconnect the page re-reads state (streams notify, state decides).
import { HubConnection, HubConnectionBuilder, HubConnectionState, LogLevel } from "@microsoft/signalr";
import { Routes } from "../generated/hub-contract";

export type Route = (typeof Routes)[keyof typeof Routes];

export function connect(route: Route, token: () => string | null, onReconnected: () => void): HubConnection {
  const connection = new HubConnectionBuilder()
    .withUrl(route, { accessTokenFactory: () => token() ?? "" })
    .withAutomaticReconnect([0, 1000, 2000, 5000, 10000])
    .configureLogging(LogLevel.Warning)
    .build();
  connection.onreconnected(() => onReconnected());
  return connection;
}

export async function started(connection: HubConnection): Promise<void> {
  if (connection.state === HubConnectionState.Disconnected) await connection.start();
}
