"use client";

import { ArrowDownIcon, ArrowLeftIcon, ArrowRightIcon, ArrowUpIcon } from "./icons";

export const iconButtonClass =
  "inline-flex size-8 shrink-0 items-center justify-center rounded-md text-fg-muted hover:bg-surface-sunken hover:text-fg disabled:cursor-not-allowed disabled:opacity-40 disabled:hover:bg-transparent";

const DIRECTIONS = {
  vertical: { back: "up", forward: "down", BackIcon: ArrowUpIcon, ForwardIcon: ArrowDownIcon },
  horizontal: { back: "left", forward: "right", BackIcon: ArrowLeftIcon, ForwardIcon: ArrowRightIcon },
} as const;

/**
 * The keyboard way to reorder an item of a list: one step back, one step forward. After a
 * move the focus stays on the button pressed, or on its twin once the item reached an end
 * (the pressed button is then disabled).
 */
export function MoveButtons({
  name,
  index,
  count,
  axis = "vertical",
  focusKey,
  onMove,
}: {
  /** How the item is named in the buttons' labels, e.g. `stage Visit` or `"Clean floor"`. */
  name: string;
  index: number;
  count: number;
  axis?: keyof typeof DIRECTIONS;
  /** Prefix of the buttons' `data-focus-key`s. */
  focusKey: string;
  onMove: (toIndex: number, focus: string[]) => void;
}) {
  const { back, forward, BackIcon, ForwardIcon } = DIRECTIONS[axis];
  const backKey = `${focusKey}:back`;
  const forwardKey = `${focusKey}:forward`;
  return (
    <>
      <button
        type="button"
        data-focus-key={backKey}
        className={iconButtonClass}
        disabled={index === 0}
        aria-label={`Move ${name} ${back}`}
        title={`Move ${back}`}
        onClick={() => onMove(index - 1, [backKey, forwardKey])}
      >
        <BackIcon />
      </button>
      <button
        type="button"
        data-focus-key={forwardKey}
        className={iconButtonClass}
        disabled={index === count - 1}
        aria-label={`Move ${name} ${forward}`}
        title={`Move ${forward}`}
        onClick={() => onMove(index + 1, [forwardKey, backKey])}
      >
        <ForwardIcon />
      </button>
    </>
  );
}
