/**
 * A canary on 127.0.0.1 that records every attempt to reach it: HTTP requests, raw TCP connections (WebSocket,
 * TURN over TCP, anything) and UDP datagrams (STUN). A locked-down browser must never touch it.
 */
import {createSocket} from "node:dgram";
import {createServer, type Server} from "node:http";
import type {AddressInfo} from "node:net";

export interface Canary {
  /** The TCP (HTTP) port; the UDP port is the same number when it was free, else `udpPort`. */
  port: number;
  udpPort: number;
  /** `http://127.0.0.1:<port>` */
  origin: string;
  /** Everything that reached the canary, in order: "tcp", "http GET /x", "udp 20 bytes". */
  hits: string[];
  close(): Promise<void>;
}

/** Starts a canary on free TCP and UDP ports of 127.0.0.1. */
export async function startCanary(): Promise<Canary> {
  const hits: string[] = [];
  const server: Server = createServer((request, response) => {
    hits.push(`http ${request.method} ${request.url}`);
    response.writeHead(200, {"content-type": "text/plain", "access-control-allow-origin": "*"}).end("canary");
  });
  server.on("connection", () => hits.push("tcp"));
  server.on("upgrade", (request, socket) => {
    hits.push(`upgrade ${request.url}`);
    socket.destroy();
  });
  await new Promise<void>((ok) => server.listen(0, "127.0.0.1", ok));
  const port = (server.address() as AddressInfo).port;
  const udp = createSocket("udp4");
  udp.on("message", (message) => hits.push(`udp ${message.length} bytes`));
  await new Promise<void>((ok) => udp.bind(0, "127.0.0.1", ok));
  const udpPort = udp.address().port;
  return {
    port,
    udpPort,
    origin: `http://127.0.0.1:${port}`,
    hits,
    close: async () => {
      server.closeAllConnections();
      await new Promise<void>((ok) => server.close(() => ok()));
      await new Promise<void>((ok) => udp.close(() => ok()));
    }
  };
}
