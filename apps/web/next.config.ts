import type { NextConfig } from "next";

const config: NextConfig = {
  poweredByHeader: false,
  devIndicators: false,
  // The router and the corpus come from the hosting process (`parley serve`); only types are imported here.
  // Types are checked by `pnpm typecheck` (turbo); the build does not repeat it.
  typescript: { ignoreBuildErrors: true },
  productionBrowserSourceMaps: false,
};

export default config;
