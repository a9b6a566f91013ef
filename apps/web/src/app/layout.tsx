import type { Metadata } from "next";
import Link from "next/link";
import type { ReactNode } from "react";
import { TRPCReactProvider } from "../trpc/react";
import "./globals.css";

export const metadata: Metadata = { title: "Parley", description: "Negotiation events from the news" };
export const dynamic = "force-dynamic";

const NAV = [
  ["/", "Overview"],
  ["/timeline", "Timeline"],
  ["/actors", "Actors"],
  ["/issues", "Issues"],
  ["/map", "Map"],
  ["/claims", "Claims"],
  ["/sources", "Sources"],
  ["/review", "Review"],
  ["/ingest", "Ingest"],
] as const;

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    <html lang="en">
      <body>
        <a href="#main" className="sr-only focus:not-sr-only focus:absolute focus:p-2 focus:bg-white">
          Skip to content
        </a>
        <header className="border-b" style={{ borderColor: "var(--line)" }}>
          <nav aria-label="Views" className="mx-auto flex max-w-7xl flex-wrap items-center gap-x-4 gap-y-1 px-4 py-2">
            <Link href="/" className="mr-2 text-lg font-bold">
              Parley
            </Link>
            {NAV.map(([href, label]) => (
              <Link key={href} href={href} className="text-sm hover:underline">
                {label}
              </Link>
            ))}
          </nav>
        </header>
        <TRPCReactProvider>
          <main id="main" className="mx-auto max-w-7xl px-4 py-4">
            {children}
          </main>
        </TRPCReactProvider>
      </body>
    </html>
  );
}
