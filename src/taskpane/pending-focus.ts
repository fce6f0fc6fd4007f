/**
 * Focus follows what the user asked for in a view: the results after a run they started, the
 * message after a failure. The view names the target (`pending.current = "results"`) when it
 * starts the change, and calls focusPending from an effect that runs once the change is drawn.
 */

/**
 * Moves focus to the element `pending` names, if it is drawn, and scrolls it to the top of the
 * pane; then forgets the name, so focus moves once.
 */
export function focusPending<K extends string>(pending: { current: K | undefined }, targets: Record<K, { readonly current: HTMLElement | null }>): void {
  const target = pending.current;
  if (target === undefined) return;
  pending.current = undefined;
  const element = targets[target].current;
  if (element) {
    element.focus({ preventScroll: true });
    element.scrollIntoView?.({ block: "start", behavior: "smooth" });
  }
}
