import type { Metadata, Viewport } from "next";
import { connection } from "next/server";
import "./globals.css";
import { ToastProvider } from "@/components/ui/toast";

export const metadata: Metadata = {
  title: { default: "cxmap", template: "%s · cxmap" },
  description: "Customer experience mapping: what customers expect at each touchpoint, and what to fix first.",
  appleWebApp: { capable: true, title: "cxmap", statusBarStyle: "default" },
};

export const viewport: Viewport = { themeColor: "#1f2a44" };

export default async function RootLayout({ children }: { children: React.ReactNode }) {
  // Every page is rendered per request, the 404 page included: its scripts carry the nonce of
  // that request's Content-Security-Policy (proxy.ts), which a page built ahead of time lacks.
  await connection();
  return (
    <html lang="en">
      <body>
        <ToastProvider>{children}</ToastProvider>
      </body>
    </html>
  );
}
