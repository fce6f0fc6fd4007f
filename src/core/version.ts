/** The tool's own version, written into every workbook it sets up. Kept equal to package.json by a test. */
export const TOOL_NAME = "Impact Returns";
export const TOOL_VERSION = "0.1.0";
