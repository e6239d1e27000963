// Loaded into the Next.js server by scripts/start.ts (NODE_OPTIONS=--import): sets the
// x-cxmap-client-address header of every request to the address of the connection it arrived
// on, replacing whatever the client sent under that name. The app reads it as the client's
// address for the sign-in limits (lib/auth/client-address.ts). Next.js fills X-Forwarded-For
// from the connection only when the client did not send one, so that header cannot be trusted
// without a proxy of our own in front (CXMAP_TRUST_PROXY).
import http from "node:http";

const HEADER = "x-cxmap-client-address";
const emit = http.Server.prototype.emit;

http.Server.prototype.emit = function emitWithClientAddress(event, request, ...rest) {
  if (event === "request" && request && request.headers) {
    const raw = request.rawHeaders || [];
    const kept = [];
    for (let i = 0; i + 1 < raw.length; i += 2) {
      if (String(raw[i]).toLowerCase() !== HEADER) kept.push(raw[i], raw[i + 1]);
    }
    const address = request.socket && request.socket.remoteAddress;
    if (address) {
      request.headers[HEADER] = address;
      kept.push(HEADER, address);
    } else {
      delete request.headers[HEADER];
    }
    request.rawHeaders = kept;
  }
  return emit.call(this, event, request, ...rest);
};
