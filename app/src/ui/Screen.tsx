import { useEffect, useRef, type ReactNode } from "react";

/**
 * One screen with its heading. The heading takes focus when the screen
 * appears, so a screen reader announces the new screen and keyboard users
 * continue from its top.
 */
export function Screen({
  title,
  children,
  className,
}: {
  title: string;
  children?: ReactNode;
  className?: string;
}) {
  const heading = useRef<HTMLHeadingElement>(null);
  useEffect(() => {
    heading.current?.focus();
  }, [title]);
  return (
    <section
      className={`screen ${className ?? ""}`}
      aria-labelledby="screen-title"
    >
      <h1 id="screen-title" ref={heading} tabIndex={-1}>
        {title}
      </h1>
      {children}
    </section>
  );
}

/** A screen that only explains a state and, at most, offers one action. */
export function MessageScreen({
  title,
  body,
  tone = "info",
  action,
}: {
  title: string;
  body: ReactNode;
  tone?: "info" | "warning" | "error";
  action?: ReactNode;
}) {
  return (
    <Screen title={title} className={`message ${tone}`}>
      <p>{body}</p>
      {action}
    </Screen>
  );
}
