/**
 * A tab strip that looks like Fluent's TabList but manages focus itself (roving tabindex, arrow
 * keys, Home/End), so no hidden focus-trap elements are added to the page. Fluent's TabList adds
 * focusable aria-hidden "dummy" elements that accessibility checkers report (aria-hidden-focus).
 */
import { makeStyles, mergeClasses, tokens } from "@fluentui/react-components";
import { useRef, type KeyboardEvent, type ReactNode } from "react";

export interface TabItem {
  value: string;
  label: ReactNode;
  /** id of the tab element (for aria-labelledby on its panel). */
  id?: string;
  /** id of the panel the tab controls. */
  controls?: string;
  className?: string;
}

export interface TabsProps {
  items: readonly TabItem[];
  selected: string;
  onSelect(value: string): void;
  "aria-label": string;
  size?: "small" | "medium";
  className?: string;
}

const useStyles = makeStyles({
  list: { display: "flex", alignItems: "stretch", gap: tokens.spacingHorizontalXXS, overflowX: "auto", scrollbarWidth: "thin" },
  tab: {
    position: "relative",
    flexShrink: 0,
    border: "none",
    background: "none",
    cursor: "pointer",
    color: tokens.colorNeutralForeground2,
    fontFamily: tokens.fontFamilyBase,
    borderRadius: tokens.borderRadiusMedium,
    whiteSpace: "nowrap",
    ":hover": { color: tokens.colorNeutralForeground1, backgroundColor: tokens.colorSubtleBackgroundHover },
    ":focus-visible": { outline: `${tokens.strokeWidthThick} solid ${tokens.colorStrokeFocus2}`, outlineOffset: "-2px" },
    "::after": {
      content: '""',
      position: "absolute",
      left: tokens.spacingHorizontalS,
      right: tokens.spacingHorizontalS,
      bottom: "2px",
      height: tokens.strokeWidthThicker,
      borderRadius: tokens.borderRadiusCircular,
      backgroundColor: "transparent",
    },
  },
  medium: { padding: `${tokens.spacingVerticalM} ${tokens.spacingHorizontalMNudge}`, fontSize: tokens.fontSizeBase300, lineHeight: tokens.lineHeightBase300 },
  small: {
    padding: `${tokens.spacingVerticalSNudge} ${tokens.spacingHorizontalSNudge}`,
    fontSize: tokens.fontSizeBase200,
    lineHeight: tokens.lineHeightBase200,
  },
  selected: {
    color: tokens.colorNeutralForeground1,
    fontWeight: tokens.fontWeightSemibold,
    "::after": { backgroundColor: tokens.colorCompoundBrandStroke },
  },
});

export function Tabs({ items, selected, onSelect, size = "medium", className, ...aria }: TabsProps) {
  const styles = useStyles();
  const refs = useRef(new Map<string, HTMLButtonElement>());

  const move = (event: KeyboardEvent<HTMLDivElement>) => {
    const index = items.findIndex((item) => item.value === selected);
    let next = -1;
    if (event.key === "ArrowRight") next = (index + 1) % items.length;
    else if (event.key === "ArrowLeft") next = (index - 1 + items.length) % items.length;
    else if (event.key === "Home") next = 0;
    else if (event.key === "End") next = items.length - 1;
    const target = items[next];
    if (!target) return;
    event.preventDefault();
    onSelect(target.value);
    refs.current.get(target.value)?.focus();
  };

  return (
    <div role="tablist" aria-label={aria["aria-label"]} className={mergeClasses(styles.list, className)} onKeyDown={move}>
      {items.map((item) => {
        const isSelected = item.value === selected;
        return (
          <button
            key={item.value}
            ref={(el) => {
              if (el) refs.current.set(item.value, el);
              else refs.current.delete(item.value);
            }}
            type="button"
            role="tab"
            id={item.id}
            aria-controls={item.controls}
            aria-selected={isSelected}
            tabIndex={isSelected ? 0 : -1}
            className={mergeClasses(styles.tab, styles[size], isSelected && styles.selected, item.className)}
            onClick={() => onSelect(item.value)}
          >
            {item.label}
          </button>
        );
      })}
    </div>
  );
}
