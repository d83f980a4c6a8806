// Bundles each client's entry point into ../wwwroot/build (minified, with source maps).
import { build } from "esbuild";

await build({
  entryPoints: { shop: "src/shop/main.ts", courier: "src/courier/main.ts", ops: "src/ops/main.ts" },
  outdir: "../wwwroot/build",
  bundle: true,
  format: "esm",
  target: "es2022",
  minify: true,
  sourcemap: true,
  logLevel: "warning",
});
