import type { ReactNode } from "react";

/** The element id of the form control for a round-file path such as `bidders[2].name`. */
export function fieldId(path: string): string {
  return `field-${path.replace(/[[\].]+/g, "-").replace(/-$/, "")}`;
}

/**
 * A labelled form control with its inline errors. `children` receives the
 * id and the ARIA attributes to spread on the control.
 */
export function FormField({
  path,
  label,
  errors,
  children,
  className,
}: {
  path: string;
  label: string;
  errors: Map<string, string[]>;
  children: (props: {
    id: string;
    "aria-invalid"?: true;
    "aria-describedby"?: string;
  }) => ReactNode;
  className?: string;
}) {
  const id = fieldId(path);
  const messages = errors.get(path) ?? [];
  return (
    <div className={`form-field ${className ?? ""}`}>
      <label htmlFor={id}>{label}</label>
      {children({
        id,
        ...(messages.length > 0
          ? { "aria-invalid": true, "aria-describedby": `${id}-error` }
          : {}),
      })}
      {messages.length > 0 && (
        <p id={`${id}-error`} className="field-error">
          {messages.join(" ")}
        </p>
      )}
    </div>
  );
}
