"use client";

import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from "react";
import { cn } from "./cn";
import { CloseIcon } from "./close-icon";

export type ToastTone = "info" | "success" | "error";

export interface ToastOptions {
  title: string;
  description?: string;
  tone?: ToastTone;
  /** Milliseconds before it goes; null keeps it until closed. Default 3 s (info and success), errors 10 s. */
  duration?: number | null;
}

export interface ToastApi {
  /** Shows a toast and returns its id. */
  toast: (options: ToastOptions) => string;
  dismiss: (id: string) => void;
}

interface ToastRecord extends Required<Pick<ToastOptions, "title" | "tone">> {
  id: string;
  description?: string;
  duration: number | null;
}

const ToastContext = createContext<ToastApi | null>(null);

const MAX_TOASTS = 4;
// A confirmation only confirms what the screen already shows: it goes quickly. An error says
// why something did not happen, and stays long enough to read.
const DEFAULT_DURATION: Record<ToastTone, number> = { info: 3000, success: 3000, error: 10000 };

/**
 * Holds the toasts and the two live regions. The regions are rendered (empty) from the
 * start: screen readers only announce changes to a live region they already know about.
 */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastRecord[]>([]);
  const counter = useRef(0);

  const dismiss = useCallback((id: string) => {
    setToasts((current) => current.filter((t) => t.id !== id));
  }, []);

  const toast = useCallback((options: ToastOptions) => {
    counter.current += 1;
    const id = `toast-${counter.current}`;
    const tone = options.tone ?? "info";
    const record: ToastRecord = {
      id,
      title: options.title,
      description: options.description,
      tone,
      duration: options.duration === undefined ? DEFAULT_DURATION[tone] : options.duration,
    };
    setToasts((current) => [...current, record].slice(-MAX_TOASTS));
    return id;
  }, []);

  const api = useMemo<ToastApi>(() => ({ toast, dismiss }), [toast, dismiss]);
  const polite = toasts.filter((t) => t.tone !== "error");
  const assertive = toasts.filter((t) => t.tone === "error");

  return (
    <ToastContext.Provider value={api}>
      {children}
      {/* At the top, over the header: the bottom right is where the designer's last cell, a
          table's last row and the capture's Next button are, which people are working on. */}
      <div
        data-print="hide"
        data-testid="toasts"
        className="pointer-events-none fixed inset-x-4 top-2 z-50 flex flex-col items-end gap-2 sm:left-auto sm:w-96"
      >
        <div role="status" aria-live="polite" className="flex w-full flex-col gap-2">
          {polite.map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
        <div role="alert" aria-live="assertive" className="flex w-full flex-col gap-2">
          {assertive.map((t) => (
            <ToastItem key={t.id} toast={t} onDismiss={dismiss} />
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}

export function useToast(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error("useToast() needs a <ToastProvider> above it in the tree.");
  return api;
}

const toneClass: Record<ToastTone, string> = {
  info: "border-l-brand",
  success: "border-l-success",
  error: "border-l-danger",
};
const iconClass: Record<ToastTone, string> = {
  info: "text-brand",
  success: "text-success",
  error: "text-danger",
};

function ToastItem({ toast, onDismiss }: { toast: ToastRecord; onDismiss: (id: string) => void }) {
  const [paused, setPaused] = useState(false);
  const remaining = useRef(toast.duration);

  // The timer pauses while the pointer or keyboard focus is on the toast, so it cannot
  // vanish while someone is reading it or reaching for its button.
  useEffect(() => {
    if (paused || remaining.current === null) return;
    const startedAt = Date.now();
    const timer = window.setTimeout(() => onDismiss(toast.id), remaining.current);
    return () => {
      window.clearTimeout(timer);
      if (remaining.current !== null) remaining.current = Math.max(1000, remaining.current - (Date.now() - startedAt));
    };
  }, [paused, onDismiss, toast.id]);

  return (
    <div
      onMouseEnter={() => setPaused(true)}
      onMouseLeave={() => setPaused(false)}
      onFocus={() => setPaused(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setPaused(false);
      }}
      className={cn(
        "pointer-events-auto flex w-full items-start gap-3 rounded-md border border-l-4 border-border bg-surface p-3 shadow-lg",
        toneClass[toast.tone],
      )}
    >
      <ToneIcon tone={toast.tone} />
      <div className="min-w-0 flex-1">
        <p className="text-sm font-semibold text-fg">{toast.title}</p>
        {toast.description ? <p className="mt-0.5 text-sm text-fg-muted">{toast.description}</p> : null}
      </div>
      <button
        type="button"
        onClick={() => onDismiss(toast.id)}
        aria-label="Dismiss notification"
        className="-m-1 inline-flex size-8 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-muted hover:text-fg"
      >
        <CloseIcon className="size-4" />
      </button>
    </div>
  );
}

function ToneIcon({ tone }: { tone: ToastTone }) {
  // A different shape per tone, so the tone never rests on colour alone.
  const paths: Record<ToastTone, string> = {
    info: "M18 10a8 8 0 1 1-16 0 8 8 0 0 1 16 0Zm-7-4a1 1 0 1 1-2 0 1 1 0 0 1 2 0ZM9 9a.75.75 0 0 0 0 1.5h.25v3.25a.75.75 0 0 0 1.5 0V9.75A.75.75 0 0 0 10 9H9Z",
    success:
      "M10 18a8 8 0 1 0 0-16 8 8 0 0 0 0 16Zm3.86-9.81a.75.75 0 0 0-1.22-.88l-3.24 4.5-1.62-1.62a.75.75 0 0 0-1.06 1.06l2.25 2.25a.75.75 0 0 0 1.14-.09l3.75-5.22Z",
    error:
      "M8.49 2.9c.66-1.2 2.36-1.2 3.02 0l6.28 11.4c.63 1.15-.2 2.55-1.51 2.55H3.72c-1.31 0-2.14-1.4-1.51-2.55L8.49 2.9ZM10 6a.75.75 0 0 1 .75.75v3.5a.75.75 0 0 1-1.5 0v-3.5A.75.75 0 0 1 10 6Zm0 8a1 1 0 1 0 0-2 1 1 0 0 0 0 2Z",
  };
  return (
    <svg
      aria-hidden="true"
      focusable="false"
      viewBox="0 0 20 20"
      fill="currentColor"
      className={cn("mt-0.5 size-5 shrink-0", iconClass[tone])}
    >
      <path fillRule="evenodd" clipRule="evenodd" d={paths[tone]} />
    </svg>
  );
}
