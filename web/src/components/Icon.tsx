import sprite from 'dkfds/dist/img/all-svg-icons.svg?url';

/** A DKFDS icon from the design system's sprite (served from our own origin). Decorative unless labelled. */
export function Icon({ name, label, className }: { name: string; label?: string; className?: string }) {
  return (
    <svg
      className={`icon-svg${className ? ` ${className}` : ''}`}
      focusable="false"
      aria-hidden={label ? undefined : true}
      aria-label={label}
      role={label ? 'img' : undefined}
    >
      <use href={`${sprite}#${name}`} />
    </svg>
  );
}
