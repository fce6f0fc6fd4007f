/** Both themes at once, for the preview's light/dark switch (the pane itself loads one: ./theme.ts). */
import { webDarkTheme, webLightTheme, type Theme } from "@fluentui/react-components";
import type { ThemeName } from "./theme";

export const THEMES: Record<ThemeName, Theme> = { light: webLightTheme, dark: webDarkTheme };
