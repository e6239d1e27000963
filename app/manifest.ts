import type { MetadataRoute } from "next";

// What a phone needs to add cxmap to its home screen: the installed app opens at the capture
// list (/capture goes to the interviewer's workspace, or the copy kept for offline use).
export default function manifest(): MetadataRoute.Manifest {
  return {
    id: "/capture",
    name: "cxmap capture",
    short_name: "cxmap",
    description: "Record customer-experience interviews, with or without a connection.",
    start_url: "/capture",
    scope: "/",
    display: "standalone",
    orientation: "portrait",
    background_color: "#ffffff",
    theme_color: "#1f2a44",
    icons: [
      { src: "/icons/icon-192.png", sizes: "192x192", type: "image/png", purpose: "any" },
      { src: "/icons/icon-512.png", sizes: "512x512", type: "image/png", purpose: "any" },
      { src: "/icons/icon-maskable-192.png", sizes: "192x192", type: "image/png", purpose: "maskable" },
      { src: "/icons/icon-maskable-512.png", sizes: "512x512", type: "image/png", purpose: "maskable" },
    ],
  };
}
