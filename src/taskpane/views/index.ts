/**
 * The task pane's views, in tab order. Adding a view is one entry here: an id, the tab's label and
 * the component (lazy-load views that pull in anything heavy, e.g. `lazy(() => import("./CheckView"))`).
 * The App hands every view all the actions; each view's props name only its own interface
 * (SetupActions, CheckActions, SummariseActions), and nothing from Office.js.
 */
import { lazy, type ComponentType } from "react";
import type { TaskPaneActions } from "../actions";
import { SetupView } from "./SetupView";

/** What the App passes to a view. */
export interface ViewProps {
  actions: TaskPaneActions;
}

export interface TaskPaneView {
  /** Stable id, used for the tab's value and element ids. */
  id: string;
  /** The tab's label; also the view's accessible name. */
  label: string;
  component: ComponentType<ViewProps>;
}

export const VIEWS: readonly TaskPaneView[] = [
  { id: "setup", label: "Set up", component: SetupView },
  { id: "check", label: "Check", component: lazy(() => import(/* webpackChunkName: "check-view" */ "./CheckView")) },
  { id: "summarise", label: "Summarise", component: lazy(() => import(/* webpackChunkName: "summarise-view" */ "./SummariseView")) },
  { id: "collate", label: "Collate", component: lazy(() => import(/* webpackChunkName: "collate-view" */ "./CollateView")) },
];
