/** Light or dark, following the Office theme when running in Office. */
import { webLightTheme, type Theme } from "@fluentui/react-components";

export type ThemeName = "light" | "dark";

/** The theme by name: light comes with the pane; dark (its own colour tokens) is fetched when Office is dark. */
export async function loadTheme(name: ThemeName): Promise<Theme> {
  if (name === "light") return webLightTheme;
  return (await import(/* webpackChunkName: "dark-theme", webpackExports: ["webDarkTheme"] */ "@fluentui/react-components")).webDarkTheme;
}

/** Relative luminance (0 black - 1 white) of a colour such as "#1F1F1F" or "1F1F1F"; undefined when unreadable. */
export function luminance(colour: string | undefined | null): number | undefined {
  const hex = /^#?([0-9a-f]{6})$/i.exec((colour ?? "").trim())?.[1];
  if (!hex) return undefined;
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(0) + 0.7152 * channel(2) + 0.0722 * channel(4);
}

/** The Office theme as light or dark, from the task pane body's background colour. Light when Office does not say. */
export function officeThemeName(): ThemeName {
  try {
    const background = typeof Office === "undefined" ? undefined : Office.context?.officeTheme?.bodyBackgroundColor;
    const l = luminance(background);
    return l !== undefined && l < 0.4 ? "dark" : "light";
  } catch {
    return "light";
  }
}
