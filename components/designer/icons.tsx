// Small decorative icons for the designer's controls. Each control that shows one also
// carries a text label (visible or aria-label): the icon never carries the meaning alone.

type IconProps = { className?: string };

function Icon({ className = "size-4", d }: IconProps & { d: string }) {
  return (
    <svg aria-hidden="true" focusable="false" viewBox="0 0 20 20" fill="currentColor" className={className}>
      <path fillRule="evenodd" clipRule="evenodd" d={d} />
    </svg>
  );
}

export const ArrowUpIcon = (props: IconProps) => (
  <Icon {...props} d="M10 17a.75.75 0 0 1-.75-.75V5.61L5.29 9.77a.75.75 0 0 1-1.08-1.04l5.25-5.5a.75.75 0 0 1 1.08 0l5.25 5.5a.75.75 0 1 1-1.08 1.04l-3.96-4.16v10.64A.75.75 0 0 1 10 17Z" />
);
export const ArrowDownIcon = (props: IconProps) => (
  <Icon {...props} d="M10 3a.75.75 0 0 1 .75.75v10.64l3.96-4.16a.75.75 0 1 1 1.08 1.04l-5.25 5.5a.75.75 0 0 1-1.08 0l-5.25-5.5a.75.75 0 1 1 1.08-1.04l3.96 4.16V3.75A.75.75 0 0 1 10 3Z" />
);
export const ArrowLeftIcon = (props: IconProps) => (
  <Icon {...props} d="M17 10a.75.75 0 0 1-.75.75H5.61l4.16 3.96a.75.75 0 1 1-1.04 1.08l-5.5-5.25a.75.75 0 0 1 0-1.08l5.5-5.25a.75.75 0 1 1 1.04 1.08L5.61 9.25h10.64A.75.75 0 0 1 17 10Z" />
);
export const ArrowRightIcon = (props: IconProps) => (
  <Icon {...props} d="M3 10a.75.75 0 0 1 .75-.75h10.64l-4.16-3.96a.75.75 0 1 1 1.04-1.08l5.5 5.25a.75.75 0 0 1 0 1.08l-5.5 5.25a.75.75 0 1 1-1.04-1.08l4.16-3.96H3.75A.75.75 0 0 1 3 10Z" />
);
export const MoveIcon = (props: IconProps) => (
  <Icon {...props} d="M13.2 2.24a.75.75 0 0 0 .04 1.06l2.1 1.95H6.75a.75.75 0 0 0 0 1.5h8.59l-2.1 1.95a.75.75 0 1 0 1.02 1.1l3.5-3.25a.75.75 0 0 0 0-1.1l-3.5-3.25a.75.75 0 0 0-1.06.04Zm-6.4 8a.75.75 0 0 0-1.06-.04l-3.5 3.25a.75.75 0 0 0 0 1.1l3.5 3.25a.75.75 0 1 0 1.02-1.1l-2.1-1.95h8.59a.75.75 0 0 0 0-1.5H4.66l2.1-1.95a.75.75 0 0 0 .04-1.06Z" />
);
export const DotsIcon = (props: IconProps) => (
  <Icon {...props} d="M3 10a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0Zm5.5 0a1.5 1.5 0 1 1 3 0 1.5 1.5 0 0 1-3 0ZM15.5 8.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3Z" />
);
export const GripIcon = (props: IconProps) => (
  <Icon {...props} d="M7 4a1.25 1.25 0 1 1-2.5 0A1.25 1.25 0 0 1 7 4Zm0 6a1.25 1.25 0 1 1-2.5 0A1.25 1.25 0 0 1 7 10Zm-1.25 7.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5ZM15.5 4a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0Zm-1.25 7.25a1.25 1.25 0 1 0 0-2.5 1.25 1.25 0 0 0 0 2.5ZM15.5 16a1.25 1.25 0 1 1-2.5 0 1.25 1.25 0 0 1 2.5 0Z" />
);
export const PlusIcon = (props: IconProps) => (
  <Icon {...props} d="M10 3a.75.75 0 0 1 .75.75v5.5h5.5a.75.75 0 0 1 0 1.5h-5.5v5.5a.75.75 0 0 1-1.5 0v-5.5h-5.5a.75.75 0 0 1 0-1.5h5.5v-5.5A.75.75 0 0 1 10 3Z" />
);
export const StarIcon = (props: IconProps) => (
  <Icon {...props} d="M10.87 2.57a.95.95 0 0 0-1.74 0L7.3 6.7l-4.5.42a.95.95 0 0 0-.53 1.66l3.4 2.97-1 4.4a.95.95 0 0 0 1.4 1.02L10 14.86l3.9 2.31a.95.95 0 0 0 1.41-1.02l-1-4.4 3.4-2.97a.95.95 0 0 0-.54-1.66l-4.5-.42-1.8-4.13Z" />
);
