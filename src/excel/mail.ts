/// <reference types="office-js" />
/**
 * "Email the centre" in Excel: opens the mail program on a mailto: link through Office's
 * `Office.context.ui.openBrowserWindow(url)` (requirement set OpenBrowserWindowApi 1.1: Excel on
 * Windows from version 1810, on Mac and iPad; not Excel on the web - Microsoft's "Open Browser Window
 * API requirement sets"). The manifest does not require the set: it is checked here with
 * `isSetSupported`, and where it is missing (Excel on the web, the browser preview) the pane shows
 * an ordinary link instead. No Excel.run, no sync.
 */

/** How the pane starts the email: Office opens the link, or the pane shows it as a link. */
export type Mailer = { kind: "office"; open(url: string): void } | { kind: "link"; inExcel: boolean };

interface OfficeLike {
  context?: {
    requirements?: { isSetSupported(name: string, version?: string): boolean };
    ui?: { openBrowserWindow?(url: string): void };
  };
}

/** The mailer for this host: Office's browser window where OpenBrowserWindowApi 1.1 is supported. */
export function officeMailer(office: OfficeLike | undefined = (globalThis as { Office?: OfficeLike }).Office): Mailer {
  const context = office?.context;
  const inExcel = context?.requirements !== undefined;
  const ui = context?.ui;
  if (inExcel && ui?.openBrowserWindow && context.requirements!.isSetSupported("OpenBrowserWindowApi", "1.1")) {
    return { kind: "office", open: (url) => ui.openBrowserWindow!(url) };
  }
  return { kind: "link", inExcel };
}
