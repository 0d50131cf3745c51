import { useRef } from "react";

/**
 * Bidders as tabs in presentation order (WAI-ARIA tabs pattern): arrow
 * keys, Home and End move between tabs and select them.
 */
export function BidderTabs({
  labels,
  details,
  active,
  onSelect,
  label,
  panelId,
}: {
  labels: string[];
  details: string[];
  active: number;
  onSelect: (index: number) => void;
  label: string;
  panelId: string;
}) {
  const tabs = useRef<(HTMLButtonElement | null)[]>([]);

  function move(index: number) {
    const next = (index + labels.length) % labels.length;
    onSelect(next);
    tabs.current[next]?.focus();
  }

  function onKeyDown(event: React.KeyboardEvent) {
    const keys: Record<string, () => void> = {
      ArrowRight: () => move(active + 1),
      ArrowDown: () => move(active + 1),
      ArrowLeft: () => move(active - 1),
      ArrowUp: () => move(active - 1),
      Home: () => move(0),
      End: () => move(labels.length - 1),
    };
    const action = keys[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  }

  return (
    <div
      role="tablist"
      aria-label={label}
      className="bidder-tabs"
      onKeyDown={onKeyDown}
    >
      {labels.map((name, index) => (
        <button
          key={index}
          ref={(element) => {
            tabs.current[index] = element;
          }}
          id={`${panelId}-tab-${index}`}
          type="button"
          role="tab"
          aria-selected={index === active}
          aria-controls={panelId}
          tabIndex={index === active ? 0 : -1}
          onClick={() => onSelect(index)}
        >
          <span className="tab-name">{name}</span>
          <span className="tab-detail">{details[index]}</span>
        </button>
      ))}
    </div>
  );
}
