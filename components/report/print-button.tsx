"use client";

import { Button } from "@/components/ui/button";

/** Opens the browser's print dialog, where "Save as PDF" is one of the printers. */
export function PrintButton() {
  return (
    <Button variant="primary" size="sm" onClick={() => window.print()}>
      Print or save as PDF
    </Button>
  );
}
