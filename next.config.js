// @ts-check
const createNextIntlPlugin = require("next-intl/plugin");

const withNextIntl = createNextIntlPlugin("./lib/i18n/request.ts");

/** @type {import('next').NextConfig} */
const nextConfig = {
  // Native and WASM server packages are loaded by Node at run time instead of being bundled.
  serverExternalPackages: ["@node-rs/argon2", "pg", "@prisma/adapter-pg", "@electric-sql/pglite"],
  poweredByHeader: false,
  // `npm test` runs `tsc --noEmit` over the whole project as its own check; the build need not
  // type-check again (it would also trip over in-progress benchmark and test files).
  typescript: { ignoreBuildErrors: true },
  async headers() {
    return [
      {
        source: "/:path*",
        headers: [
          { key: "X-Content-Type-Options", value: "nosniff" },
          { key: "Referrer-Policy", value: "same-origin" },
        ],
      },
      {
        // Nothing is framed by another site, except the published reader when
        // READER_FRAME_ANCESTORS allows it: proxy.ts sends the reader's frame headers, with
        // the page's Content-Security-Policy (frame-ancestors) and HSTS.
        source: "/:path((?!p(?:/|$)).*)",
        headers: [{ key: "X-Frame-Options", value: "DENY" }],
      },
    ];
  },
};

module.exports = withNextIntl(nextConfig);
