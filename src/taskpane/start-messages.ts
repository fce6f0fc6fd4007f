/**
 * What the task pane page says, in one plain sentence, when it cannot run the add-in (used by
 * index.tsx; the end-to-end tests look for the same words).
 */

/** Office.js did not load (offline, blocked by a firewall or a browser extension). */
export const OFFICE_JS_NOT_LOADED =
  "Impact Returns cannot start because Microsoft's Office add-in library did not load: check your internet connection, or ask your IT team to allow appsforoffice.microsoft.com.";

/** Office.js loaded, but the page was opened in a plain browser rather than in Excel. */
export const OUTSIDE_OFFICE = "Impact Returns runs inside Excel: open your workbook in Excel and choose Show Impact Returns on the Home tab.";
