// Bundles each client's entry point into ../wwwroot/build (minified, with source maps), and the courier
// app's service worker as a classic script (browsers register it at scope /courier).
import { build } from "esbuild";

const common = { bundle: true, target: "es2022", minify: true, sourcemap: true, logLevel: "warning" };

await build({
  ...common,
  entryPoints: { shop: "src/shop/main.ts", courier: "src/courier/main.ts", ops: "src/ops/main.ts", counter: "src/counter/main.ts", packing: "src/packing/main.ts" },
  outdir: "../wwwroot/build",
  format: "esm",
});

await build({
  ...common,
  entryPoints: { "courier-sw": "src/courier/service-worker.ts" },
  outdir: "../wwwroot/build",
  format: "iife",
});
